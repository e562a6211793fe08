import type { z } from '../../shared/zod';
import { HOURS_CATEGORIES, hoursEntrySchema } from '../../shared/records/hours';
import { addDays, type CalendarDay } from '../../shared/time/calendar-day';
import { formatDay } from '../ui/format';
import { categoryLabel } from '../ui/labels';
import { t } from '../i18n';
import { LogHoursRequest } from '../messages';

/** The "Log hours" form as typed: every field is text until it is checked. */
export interface HoursFields {
  day: string;
  hours: string;
  category: string;
  projectId: string;
  note: string;
}
export type HoursField = keyof HoursFields;
export type LoggedHours = z.output<typeof LogHoursRequest.shape.hours>;

export type HoursCheck = { ok: true; hours: LoggedHours } | { ok: false; problems: Partial<Record<HoursField, string>> };

// The web app refuses hours dated more than a day after its today (a day ahead is a volunteer east of
// the CIL's zone) or over a year back (apps-script/src/api/sync.ts). Saying so here keeps a mistyped
// date out of the queue, where it would only come back rejected.
const LATEST_DAYS_AHEAD = 1;
const OLDEST_DAYS_BACK = 366;

/**
 * Checks the form with the schema the service worker checks `log-hours` with, plus the web app's date
 * limits around `today` (the CIL's today) and the Hours tab's shape of a project id. Empty optional
 * fields are left out, not sent as ''. Problems are in the volunteer's language ("must be more than
 * 0"), to follow the field's label: the schema's rules, its English words only in the service worker.
 */
export function checkHoursForm(fields: HoursFields, today: CalendarDay): HoursCheck {
  const optional = (text: string) => (text.trim() === '' ? undefined : text);
  const projectId = optional(fields.projectId);
  const parsed = LogHoursRequest.shape.hours.safeParse({
    day: fields.day,
    // '' is a field left empty: "must be a number", not the 0 that Number('') would make of it.
    hours: fields.hours.trim() === '' ? undefined : Number(fields.hours),
    category: fields.category === '' ? undefined : fields.category,
    projectId,
    note: optional(fields.note),
  });
  const problems: Partial<Record<HoursField, string>> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if (typeof field === 'string' && field in fields) problems[field as HoursField] ??= problemText(field as HoursField, issue);
    }
  }
  // The Hours tab keeps project ids to its id shape (no spaces); the sync entry's looser text would
  // let one through, only for the web app to reject it.
  if (problems.projectId === undefined && projectId !== undefined) {
    const id = hoursEntrySchema.shape.projectId.safeParse(projectId);
    const issue = id.success ? undefined : id.error.issues[0];
    if (issue) problems.projectId = problemText('projectId', issue);
  }
  const latest = addDays(today, LATEST_DAYS_AHEAD);
  const oldest = addDays(today, -OLDEST_DAYS_BACK);
  if (problems.day === undefined && fields.day > latest) problems.day = t('hoursDayTooLate', formatDay(latest));
  if (problems.day === undefined && fields.day < oldest) problems.day = t('hoursDayTooEarly', formatDay(oldest));
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, hours: parsed.data };
}

/** The parts of a zod issue its translation needs. */
interface Issue {
  code: string;
  maximum?: unknown;
}

/** A field's problem in the volunteer's language, from the rule it broke (not zod's English message). */
function problemText(field: HoursField, issue: Issue): string {
  const tooLong = () => t('hoursProblemTooLong', String(issue.maximum));
  switch (field) {
    case 'day':
      return t('hoursProblemDay');
    case 'hours':
      if (issue.code === 'too_small') return t('hoursProblemTooFew');
      if (issue.code === 'too_big') return t('hoursProblemTooMany', String(issue.maximum));
      return t('hoursProblemNumber');
    case 'category':
      return t('hoursProblemCategory', HOURS_CATEGORIES.map(categoryLabel).join(', '));
    case 'projectId':
      return issue.code === 'too_big' ? tooLong() : t('hoursProblemProjectId');
    case 'note':
      return tooLong();
  }
}
