import type { Deadline, WorkOrderStatus } from '@legal/contracts';
import { deadlinePromise, serviceName, StatusLocale } from './service-names';

export interface CitizenStatusText {
  /** One sentence: what is happening, and by when the next thing is due. */
  headline: string;
  /** What the citizen should do now (often: nothing). */
  nextStep: string;
  /** Due time (RFC 3339) of the deadline the headline promises, when one runs. */
  expectedBy?: string;
}

/** The parts of a work-order view the text depends on. */
export interface StatusTextSource {
  status: string;
  serviceType: string;
  deadlines: Deadline[];
  organisationName?: string | null;
  /** When the work order last changed: dated in the text when no deadline gives it a date. */
  updatedAt?: Date | string | null;
  /** The history, when known: a matter closed by `transferred-to-12345` is told as a transfer, not as 已结案. */
  timeline?: ReadonlyArray<{ action: string; at: Date | string }>;
}

/** The timeline step that closes a 12348 matter handed to the 12345 hotline (work-order's reverse transfer). */
export const TRANSFERRED_TO_12345_STEP = 'transferred-to-12345';

type Phrase = { headline: (svc: string, org: string) => string; nextStep: string };

const SHOWS_DEADLINE: ReadonlySet<string> = new Set([
  'received',
  'triage',
  'offered',
  'accepted',
  'in-progress',
  'waiting-applicant',
  'reopened',
  'supervisor-queue',
]);

const EN: Record<WorkOrderStatus, Phrase> = {
  received: {
    headline: (s) => `Your ${s} has been received and is being assigned to the responsible agency`,
    nextStep: 'Nothing to do for now; we will tell you which agency handles it.',
  },
  triage: {
    headline: (s) => `Your ${s} is being reviewed to decide which agency should handle it`,
    nextStep: 'Nothing to do for now; we will tell you which agency handles it.',
  },
  offered: {
    headline: (s, o) => `Your ${s} has been sent to ${o || 'the responsible agency'} and is waiting to be accepted`,
    nextStep: 'Nothing to do for now; the agency will contact you if it needs anything.',
  },
  accepted: {
    headline: (s, o) => `Your ${s} is being reviewed${o ? ` by ${o}` : ''}`,
    nextStep: 'Keep your phone available: the agency may contact you. Track progress any time with your case code.',
  },
  'in-progress': {
    headline: (s, o) => `Your ${s} is being handled${o ? ` by ${o}` : ''}`,
    nextStep: 'Keep your phone available: the agency may contact you. Track progress any time with your case code.',
  },
  'waiting-applicant': {
    headline: (s) => `Your ${s} is waiting for information from you`,
    nextStep:
      'Please provide the information or materials the agency asked for; the processing period is paused until you do.',
  },
  resolved: {
    headline: (s) => `Your ${s} has been resolved`,
    nextStep: 'Please rate the service from 1 to 5; if you are not satisfied, it will be handled again.',
  },
  closed: {
    headline: (s) => `Your ${s} is closed`,
    nextStep: 'Nothing more to do. If you are unhappy with the service, you can file a complaint with your case code.',
  },
  reopened: {
    headline: (s) => `Your ${s} has been reopened and is being assigned for handling again`,
    nextStep: 'Nothing to do for now; the new agency will contact you.',
  },
  'supervisor-queue': {
    headline: (s) => `Your ${s} is with a supervisor, who is finding the right agency`,
    nextStep: 'Nothing to do for now; we will tell you which agency handles it.',
  },
  rejected: {
    headline: (s) => `Your ${s} could not be accepted`,
    nextStep: 'The reason is shown in the history below; call 12348 for advice on other options.',
  },
  cancelled: {
    headline: (s) => `Your ${s} was withdrawn`,
    nextStep: 'Nothing more will happen; you can submit a new request at any time.',
  },
  merged: {
    headline: (s) => `Your ${s} was merged with another request about the same matter`,
    nextStep: 'Track it with the case code of the request it was merged into.',
  },
};

const ZH: Record<WorkOrderStatus, Phrase> = {
  received: {
    headline: (s) => `您的${s}已收到，正在分派给负责的机构`,
    nextStep: '暂时无需操作，确定承办机构后会通知您。',
  },
  triage: {
    headline: (s) => `您的${s}正在分流审核，以确定承办机构`,
    nextStep: '暂时无需操作，确定承办机构后会通知您。',
  },
  offered: {
    headline: (s, o) => `您的${s}已转交${o || '负责的机构'}，等待受理`,
    nextStep: '暂时无需操作，如需补充材料，承办机构会与您联系。',
  },
  accepted: {
    headline: (s, o) => `您的${s}正在${o ? `由${o}` : ''}审查`,
    nextStep: '请保持电话畅通，承办机构可能与您联系；可凭案件编码随时查询进度。',
  },
  'in-progress': {
    headline: (s, o) => `您的${s}正在${o ? `由${o}` : ''}办理`,
    nextStep: '请保持电话畅通，承办机构可能与您联系；可凭案件编码随时查询进度。',
  },
  'waiting-applicant': {
    headline: (s) => `您的${s}需要您补充信息`,
    nextStep: '请按承办机构的要求补充信息或材料；补充前办理期限暂停计算。',
  },
  resolved: {
    headline: (s) => `您的${s}已办结`,
    nextStep: '请对本次服务进行满意度评价（1至5分）；如不满意，将重新办理。',
  },
  closed: { headline: (s) => `您的${s}已结案`, nextStep: '无需进一步操作；如对服务不满意，可凭案件编码投诉。' },
  reopened: {
    headline: (s) => `您的${s}已重新启动，正在重新分派办理`,
    nextStep: '暂时无需操作，新的承办机构会与您联系。',
  },
  'supervisor-queue': {
    headline: (s) => `您的${s}正由督办人员协调承办机构`,
    nextStep: '暂时无需操作，确定承办机构后会通知您。',
  },
  rejected: {
    headline: (s) => `您的${s}未被受理`,
    nextStep: '原因见下方办理记录；如需了解其他途径，可拨打12348咨询。',
  },
  cancelled: { headline: (s) => `您的${s}已撤回`, nextStep: '不会再有后续处理；如有需要，可随时重新提交。' },
  merged: { headline: (s) => `您的${s}已与同一事项的其他请求合并`, nextStep: '请凭合并后请求的案件编码查询进度。' },
};

const GENERIC: Record<StatusLocale, Phrase> = {
  en: { headline: (s) => `Your ${s} is being handled`, nextStep: 'Track progress any time with your case code.' },
  zh: { headline: (s) => `您的${s}正在办理中`, nextStep: '可凭案件编码随时查询进度。' },
};

function shanghaiParts(instant: Date): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "5 December" / "12月5日" (Beijing time; any instant, not only a due one), with the year when it is not the current one. */
export function formatDueDate(due: Date, now: Date, locale: StatusLocale): string {
  const d = shanghaiParts(due);
  const withYear = d.year !== shanghaiParts(now).year;
  if (locale === 'zh') return `${withYear ? `${d.year}年` : ''}${d.month}月${d.day}日`;
  return `${d.day} ${MONTHS[d.month - 1]}${withYear ? ` ${d.year}` : ''}`;
}

/** The deadline a citizen cares about: the earliest running one, else the latest breached one. */
function relevantDeadline(deadlines: Deadline[]): Deadline | undefined {
  const byDue = (a: Deadline, b: Deadline): number => Date.parse(a.dueAt) - Date.parse(b.dueAt);
  const running = deadlines.filter((d) => d.status === 'running').sort(byDue);
  if (running.length > 0) return running[0];
  return deadlines
    .filter((d) => d.status === 'breached')
    .sort(byDue)
    .pop();
}

/**
 * The date of the current stage when no deadline dates the text: "(updated 4 December)." /
 * "（12月4日更新）。" — every stage says when, e.g. after a lawyer is appointed or once resolved.
 */
function stageDate(updatedAt: Date | string | null | undefined, now: Date, locale: StatusLocale): string {
  const at = updatedAt === null || updatedAt === undefined ? Number.NaN : new Date(updatedAt).getTime();
  if (Number.isNaN(at)) return locale === 'zh' ? '。' : '.';
  const date = formatDueDate(new Date(at), now, locale);
  return locale === 'zh' ? `（${date}更新）。` : ` (updated ${date}).`;
}

/**
 * Plain-language status for citizens, from the internal state and deadlines, e.g.
 * "Your legal-aid application is being reviewed by 兰陵县法律援助中心; a decision is due by 5 December."
 */
export function citizenStatusText(view: StatusTextSource, now: Date, locale: StatusLocale): CitizenStatusText {
  const transfer = view.status === 'closed' ? transferredTo12345(view) : undefined;
  if (transfer)
    return transferText(
      serviceName(view.serviceType, locale),
      formatDueDate(new Date(transfer.at), now, locale),
      locale,
    );
  const phrases = locale === 'zh' ? ZH : EN;
  const phrase = (phrases as Record<string, Phrase>)[view.status] ?? GENERIC[locale];
  const svc = serviceName(view.serviceType, locale);
  let headline = phrase.headline(svc, view.organisationName ?? '');
  const deadline = SHOWS_DEADLINE.has(view.status) ? relevantDeadline(view.deadlines) : undefined;
  if (!deadline) return { headline: `${headline}${stageDate(view.updatedAt, now, locale)}`, nextStep: phrase.nextStep };
  const due = new Date(deadline.dueAt);
  const date = formatDueDate(due, now, locale);
  const late = deadline.status === 'breached' || due.getTime() < now.getTime();
  if (locale === 'zh') {
    headline += late
      ? `；原定于${date}前完成，现已超期，已提交督办。`
      : `；${deadlinePromise(deadline.kind, date, locale)}。`;
  } else {
    headline += late
      ? `; it was due by ${date} and is overdue, so a supervisor has been alerted.`
      : `; ${deadlinePromise(deadline.kind, date, locale)}.`;
  }
  return { headline, nextStep: phrase.nextStep, expectedBy: deadline.dueAt };
}

/** The latest `transferred-to-12345` step, when it is the one that closed the matter (nothing reopened it since). */
function transferredTo12345(view: StatusTextSource): { at: Date | string } | undefined {
  const steps = view.timeline ?? [];
  const last = steps[steps.length - 1];
  return last && last.action === TRANSFERRED_TO_12345_STEP && !Number.isNaN(new Date(last.at).getTime())
    ? last
    : undefined;
}

function transferText(svc: string, date: string, locale: StatusLocale): CitizenStatusText {
  if (locale === 'zh') {
    return {
      headline: `您的${svc}已于${date}转至12345政务服务便民热线办理。`,
      nextStep: '12345热线将与您联系并告知办理结果；可凭原案件编码查询转办记录，也可拨打12345查询进度。',
    };
  }
  return {
    headline: `Your ${svc} was transferred to the 12345 government service hotline on ${date}.`,
    nextStep:
      'The 12345 hotline will contact you and tell you the outcome; your case code still shows the transfer, ' +
      'and you can call 12345 to follow it up.',
  };
}
