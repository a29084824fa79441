import { shandongRegions } from '@legal/domain';

const SPECIALTIES = ['family', 'neighbour', 'labour', 'property', 'consumer'];

async function post(
  url: string,
  bearer: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> | undefined; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: bearer, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}

/**
 * The mediation service accepts an offer automatically only when a committee serves the region
 * (township, else county) and one of its mediators has room. A fresh schema has none: register one
 * committee per county with `mediatorsPerCommittee` mediators of every specialty (100 open cases each),
 * through the admin API, a few at a time.
 */
export async function registerCountyCommittees(
  mediationUrl: string,
  adminBearer: string,
  mediatorsPerCommittee = 2,
  concurrency = 6,
): Promise<string> {
  const counties = shandongRegions().counties();
  let committees = 0;
  let mediators = 0;
  let existing = 0;
  const errors: string[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < counties.length) {
      const county = counties[next];
      next += 1;
      if (!county) continue;
      const created = await post(`${mediationUrl}/committees`, adminBearer, {
        regionCode: county.code,
        name: `${county.name}人民调解委员会`,
      });
      if (created.status === 409) {
        existing += 1;
        continue;
      }
      const id = typeof created.json?.id === 'string' ? created.json.id : undefined;
      if (created.status !== 201 || !id) {
        if (errors.length < 3) errors.push(`committee ${county.code}: ${created.status} ${created.text.slice(0, 200)}`);
        continue;
      }
      committees += 1;
      for (let m = 0; m < mediatorsPerCommittee; m++) {
        const mediator = await post(`${mediationUrl}/committees/${id}/mediators`, adminBearer, {
          name: `调解员${m + 1}`,
          specialties: SPECIALTIES,
          maxOpenCases: 100,
        });
        if (mediator.status === 201) mediators += 1;
        else if (errors.length < 3)
          errors.push(`mediator ${county.code}: ${mediator.status} ${mediator.text.slice(0, 200)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return `mediation: ${committees}/${counties.length} county committees, ${mediators} mediators registered, ${existing} counties already had one${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`;
}
