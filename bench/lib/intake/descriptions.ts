/** Service types the bench sends, with request texts a citizen might give for each. */
export const DESCRIPTIONS: Record<string, readonly string[]> = {
  'legal-aid': [
    '在工地干了半年活，老板拖欠工资三万元不给',
    '工伤后单位不给赔偿，家里困难请不起律师',
    '离婚后对方不付抚养费，想申请法律援助',
  ],
  mediation: ['邻居占用宅基地，协商不成', '与物业因漏水赔偿发生纠纷', '婚姻家庭矛盾，希望调解'],
  notarization: ['办理房产继承公证', '出国留学需要学历公证', '办理委托书公证'],
  'legal-consultation': ['咨询劳动合同解除的补偿标准', '咨询交通事故责任如何认定', '咨询借款到期不还怎么办'],
  'duty-lawyer': ['家属被刑事拘留，需要值班律师提供法律帮助'],
  'grassroots-legal-service': ['村里土地承包合同到期续签问题'],
  'lawyer-referral': ['想找律师代理一起合同纠纷诉讼'],
  'judicial-appraisal': ['医疗纠纷需要做司法鉴定'],
  arbitration: ['劳动争议想申请仲裁'],
};

/** A text for request `n` of `serviceType`, made unique so no two bench requests look alike. */
export function describe(serviceType: string, n: number): string {
  const texts = DESCRIPTIONS[serviceType] ?? DESCRIPTIONS['legal-consultation'] ?? ['咨询法律问题'];
  return `${texts[n % texts.length] ?? texts[0]}（编号${n}）`;
}
