import { coordinatingLevel, regionOfOrganisationId } from './coordinating-level';

const TEMPLATE = 'org-{region}-centre';

describe('coordinatingLevel', () => {
  it('sends a village room rejection to its county centre', () => {
    expect(coordinatingLevel('org-371324101201-room', '371324101201', TEMPLATE)).toEqual({
      organisationId: 'org-371324-centre',
      regionCode: '371324',
    });
  });

  it('sends a township station rejection to its county centre', () => {
    expect(coordinatingLevel('org-371324101-station', '371324101', TEMPLATE)).toEqual({
      organisationId: 'org-371324-centre',
      regionCode: '371324',
    });
  });

  it('sends a county agency rejection to the centre of the same county', () => {
    expect(coordinatingLevel('org-371324-mediation', '371324', TEMPLATE)).toEqual({
      organisationId: 'org-371324-centre',
      regionCode: '371324',
    });
  });

  it('sends a county centre rejection to its city centre, and a city centre rejection to the province', () => {
    expect(coordinatingLevel('org-371324-centre', '371324', TEMPLATE)).toEqual({
      organisationId: 'org-371300-centre',
      regionCode: '371300',
    });
    expect(coordinatingLevel('org-371300-centre', '371300', TEMPLATE)).toEqual({
      organisationId: 'org-370000-centre',
      regionCode: '370000',
    });
  });

  it('has nowhere to go above the province centre', () => {
    expect(coordinatingLevel('org-370000-centre', '370000', TEMPLATE)).toBeUndefined();
  });
});

describe('regionOfOrganisationId', () => {
  it('reads the region of router-style organisation ids', () => {
    expect(regionOfOrganisationId('org-371324101-station')).toBe('371324101');
    expect(regionOfOrganisationId('org-371324-legal-aid')).toBe('371324');
    expect(regionOfOrganisationId('lawfirm-17')).toBeUndefined();
  });
});
