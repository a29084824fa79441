import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject, Timestamp } from '../schemas/common.schema';

/** One Asia/Shanghai calendar day of the hotline's duty roster, in minutes with at least one agent on duty. */
const CoverageDay = Type.Object(
  {
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'The calendar day in Asia/Shanghai (00:00 to 24:00, 1440 minutes)',
    }),
    coveredMinutes: Type.Integer({
      minimum: 0,
      maximum: 1440,
      description: 'Minutes of the day with at least one agent on duty (the sum of hourMinutes)',
    }),
    hourMinutes: Type.Array(Type.Integer({ minimum: 0, maximum: 60 }), {
      minItems: 24,
      maxItems: 24,
      description: 'Per hour of the day (00-01 ... 23-24), the minutes with at least one agent on duty',
    }),
  },
  { additionalProperties: false },
);

export const RosterCoverageChanged = defineEvent({
  type: 'legal.feedback.roster-coverage-changed.v1',
  topic: 'legal.feedback',
  summary:
    "The hotline's 12348 duty roster changed: the 7×24 coverage of each day the change touched, recomputed from " +
    'all its shifts (province-wide; minutes only, no agent, seat, name or phone)',
  producers: ['hotline'],
  consumers: ['oversight'],
  sealed: [],
  schema: strictObject(
    {
      computedAt: Timestamp,
      days: Type.Array(CoverageDay, { minItems: 1, maxItems: 32, description: 'The days the change touched' }),
    },
    'Roster coverage of the days a roster change touched: the newest computedAt of a day replaces older ones',
  ),
  example: {
    computedAt: '2026-12-01T02:00:00.000Z',
    days: [
      {
        date: '2026-12-02',
        coveredMinutes: 1200,
        hourMinutes: [60, 60, 60, 60, 0, 0, 0, 0, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60, 60],
      },
    ],
  },
});
