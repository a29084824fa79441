import type { OfferDefaults } from '@legal/handler-kit';

/** What an offer to notarization looks like in tests (`WorkOrderRouterFixture.connect(tag, notarizationOffer)`). */
export const notarizationOffer: OfferDefaults = () => ({
  handler: 'notarization',
  organisationId: 'org-371324-notary',
  organisationName: '山东省兰陵县公证处',
  serviceType: 'notarization',
  regionCode: '371324001',
  description: '办理出国留学用亲属关系公证',
  applicant: { name: '张三', phone: '13812345678', address: '兰陵县卞庄街道' },
  receivedAt: new Date(Date.now() - 30 * 24 * 3600_000).toISOString(),
});
