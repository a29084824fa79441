import type { PlatformName } from '../services';

/**
 * What each platform's requests are (assumptions, documented in bench/README.md): most hotline calls
 * and many counter visits are consultations answered on the spot (they get a case code and close at
 * once); the rest become work orders of the catalogue's types, routed to legal-aid centres, mediation
 * committees, notary offices or the public legal service centres and workstations.
 */
export const ANSWERED_ON_SPOT_SHARE: Record<PlatformName, number> = { hotline: 0.8, centre: 0.6, portal: 0 };

export const FOLLOW_UP_TYPES: Record<PlatformName, Record<string, number>> = {
  hotline: { 'legal-aid': 45, mediation: 25, 'legal-consultation': 20, 'lawyer-referral': 5, notarization: 5 },
  centre: {
    mediation: 35,
    'legal-aid': 30,
    notarization: 15,
    'grassroots-legal-service': 8,
    'lawyer-referral': 5,
    'judicial-appraisal': 3,
    arbitration: 2,
    'duty-lawyer': 2,
  },
  portal: { 'legal-aid': 35, mediation: 25, notarization: 15, 'legal-consultation': 15, 'lawyer-referral': 10 },
};
