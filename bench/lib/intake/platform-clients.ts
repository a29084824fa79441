import type { BenchAuth } from '../auth';
import type { PlatformName } from '../services';
import type { SyntheticCitizen } from './synthetic-citizen';

/** One synthetic request, before it is sent. */
export interface IntakeRequest {
  n: number;
  platform: PlatformName;
  serviceType: string;
  regionCode: string;
  description: string;
  citizen: SyntheticCitizen;
  urgency: 'normal' | 'urgent';
  /** Hotline and centre: fully answered during the call or at the counter (closed at once with its own case code). */
  answeredOnSpot?: boolean;
}

const ANSWER = '已当场解答：告知相关法律规定、办理途径和所需材料';

/** What the platform answered. `t0` is epoch ms (sub-ms precision) when the intake's POST started. */
export interface SubmittedIntake {
  n: number;
  platform: PlatformName;
  serviceType: string;
  regionCode: string;
  t0: number;
  httpMs: number;
  status: number;
  intakeId?: string;
  /** Id of the call, submission or visit on its platform. */
  recordId?: string;
  /** Centre only: the registration POST that precedes the outcome POST (not part of t0). */
  preludeMs?: number;
  error?: string;
}

export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

interface JsonAnswer {
  status: number;
  body: Record<string, unknown> | undefined;
  text: string;
}

async function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<JsonAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30000),
  });
  const text = await res.text();
  let parsed: Record<string, unknown> | undefined;
  try {
    parsed = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text };
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function failure(req: IntakeRequest, t0: number, status: number, detail: string): SubmittedIntake {
  return {
    n: req.n,
    platform: req.platform,
    serviceType: req.serviceType,
    regionCode: req.regionCode,
    t0,
    httpMs: epochNow() - t0,
    status,
    error: detail.slice(0, 500),
  };
}

/** Synthetic client address for request n (the portal limits submissions per IP; the launcher sets TRUSTED_PROXIES=loopback). */
function clientIp(n: number): string {
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Sends intakes to the three platforms the way their front ends do. */
export class PlatformClients {
  constructor(
    private readonly urls: Record<PlatformName, string>,
    private readonly auth: BenchAuth,
  ) {}

  async submit(req: IntakeRequest): Promise<SubmittedIntake> {
    try {
      switch (req.platform) {
        case 'hotline':
          return await this.hotline(req);
        case 'portal':
          return await this.portal(req);
        case 'centre':
          return await this.centre(req);
      }
    } catch (e) {
      return failure(req, epochNow(), 0, e instanceof Error ? e.message : String(e));
    }
  }

  /** An agent logs a call to be followed up as a work order: POST /calls. */
  private async hotline(req: IntakeRequest): Promise<SubmittedIntake> {
    const bearer = await this.auth.bearer(
      { roles: ['hotline-agent'], org: 'org-370000-hotline', region: '370000' },
      'bench-agent',
    );
    const t0 = epochNow();
    const answer = await postJson(
      `${this.urls.hotline}/calls`,
      {
        callerPhone: req.citizen.phone,
        callerName: req.citizen.name,
        regionCode: req.regionCode,
        language: 'zh',
        description: req.description,
        serviceType: req.serviceType,
        urgency: req.urgency,
        ...(req.answeredOnSpot ? { outcome: 'answered-on-spot', answerSummary: ANSWER } : { outcome: 'follow-up' }),
      },
      { authorization: bearer },
    );
    if (answer.status !== 201) return failure(req, t0, answer.status, answer.text);
    return {
      n: req.n,
      platform: 'hotline',
      serviceType: req.serviceType,
      regionCode: req.regionCode,
      t0,
      httpMs: epochNow() - t0,
      status: answer.status,
      intakeId: str(answer.body?.intakeId),
      recordId: str(answer.body?.id),
    };
  }

  /** A citizen submits on the web portal without an account: POST /portal/requests. */
  private async portal(req: IntakeRequest): Promise<SubmittedIntake> {
    const t0 = epochNow();
    const answer = await postJson(
      `${this.urls.portal}/portal/requests`,
      {
        serviceType: req.serviceType,
        regionCode: req.regionCode,
        description: req.description,
        contact: { name: req.citizen.name, phone: req.citizen.phone, idCardNumber: req.citizen.idCardNumber },
        language: 'zh',
        urgency: req.urgency,
      },
      { 'x-forwarded-for': clientIp(req.n) },
    );
    if (answer.status !== 202) return failure(req, t0, answer.status, answer.text);
    return {
      n: req.n,
      platform: 'portal',
      serviceType: req.serviceType,
      regionCode: req.regionCode,
      t0,
      httpMs: epochNow() - t0,
      status: answer.status,
      intakeId: str(answer.body?.intakeId),
      recordId: str(answer.body?.submissionId),
    };
  }

  /** A clerk registers a walk-in (POST /walk-ins), then records it as a work order (POST /walk-ins/{id}/outcome: the intake). */
  private async centre(req: IntakeRequest): Promise<SubmittedIntake> {
    const county = req.regionCode.slice(0, 6);
    const bearer = await this.auth.bearer(
      { roles: ['centre-clerk'], org: `org-${county}-centre`, region: county },
      `bench-clerk-${county}`,
    );
    const start = epochNow();
    const visit = await postJson(
      `${this.urls.centre}/walk-ins`,
      {
        idCardNumber: req.citizen.idCardNumber,
        name: req.citizen.name,
        address: req.citizen.address,
        phone: req.citizen.phone,
        regionCode: req.regionCode,
      },
      { authorization: bearer },
    );
    const visitId = str(visit.body?.id);
    if (visit.status !== 201 || !visitId) return failure(req, start, visit.status, `register: ${visit.text}`);
    const t0 = epochNow();
    const answer = await postJson(
      `${this.urls.centre}/walk-ins/${visitId}/outcome`,
      {
        ...(req.answeredOnSpot ? { outcome: 'answered-on-spot', answerSummary: ANSWER } : { outcome: 'work-order' }),
        description: req.description,
        serviceType: req.serviceType,
        urgency: req.urgency,
        language: 'zh',
      },
      { authorization: bearer },
    );
    if (answer.status !== 200) return failure(req, t0, answer.status, `outcome: ${answer.text}`);
    return {
      n: req.n,
      platform: 'centre',
      serviceType: req.serviceType,
      regionCode: req.regionCode,
      t0,
      httpMs: epochNow() - t0,
      status: answer.status,
      intakeId: str(answer.body?.intakeId),
      recordId: visitId,
      preludeMs: t0 - start,
    };
  }
}
