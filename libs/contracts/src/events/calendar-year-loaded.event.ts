import { Type } from '@sinclair/typebox';
import { defineEvent } from '../event-definition';
import { strictObject, Timestamp } from '../schemas/common.schema';

const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD (Asia/Shanghai)' });

const NoticeDay = strictObject(
  {
    date: IsoDate,
    name: strictObject(
      { en: Type.String({ minLength: 1, maxLength: 100 }), zh: Type.String({ minLength: 1, maxLength: 50 }) },
      'The holiday the day belongs to, or for an adjusted working day the holiday it makes up for',
    ),
  },
  'A day of the notice',
);

export const CalendarYearLoaded = defineEvent({
  type: 'legal.calendar.year-loaded.v1',
  topic: 'legal.calendar',
  summary:
    "A State Council holiday notice loaded by an administrator (work-order's calendar administration): the year's " +
    'statutory holidays and adjusted working days (调休), which take precedence over the packaged calendar',
  producers: ['work-order'],
  // Every service that computes or shows legal periods follows the loaded calendar (service-kit's CalendarFollower).
  consumers: [
    'work-order',
    'legal-aid',
    'mediation',
    'notarization',
    'judicial-appraisal',
    'hotline',
    'centre',
    'portal',
  ],
  sealed: [],
  schema: strictObject(
    {
      year: Type.Integer({ minimum: 2000, maximum: 2200 }),
      version: Type.Integer({ minimum: 1, description: 'Each load of a year is a new version; the newest wins' }),
      holidays: Type.Array(NoticeDay, { maxItems: 366 }),
      workdays: Type.Array(NoticeDay, { maxItems: 366 }),
      changedDays: Type.Array(IsoDate, { maxItems: 366, description: 'Days whose kind the load changed' }),
      loadedBy: Type.String({ maxLength: 64 }),
      loadedAt: Timestamp,
    },
    'Calendar year loaded',
  ),
  example: {
    year: 2027,
    version: 1,
    holidays: [{ date: '2027-01-01', name: { en: "New Year's Day", zh: '元旦' } }],
    workdays: [],
    changedDays: ['2027-01-01'],
    loadedBy: 'admin-1',
    loadedAt: '2026-12-04T08:00:00.000Z',
  },
});
