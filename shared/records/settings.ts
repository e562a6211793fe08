import { z } from '../zod';
import { isTimeZone } from '../time/zone';
import { describeCell, isBlankCell, readCell, writeCell, type Cell } from './cells';
import { column } from './columns';
import { columnsOf, headerKey } from './tab';

export const DEFAULT_TIME_ZONE = 'Asia/Karachi';

/** 'review': the daily check proposes, a lead approves before any email goes out; 'automatic': it sends. */
export const SETTINGS_MODES = ['review', 'automatic'] as const;

const emailItem = z
  .string()
  .trim()
  .toLowerCase()
  .regex(z.regexes.email, { error: 'must be email addresses separated by commas' });

const quarterTarget = { min: 0, max: 1000, integer: true } as const;

/**
 * The Settings tab, one setting per row. Each field's column header is the setting's label in the
 * tab; blank or missing settings take these defaults (the handbook's numbers).
 */
export const settingsSchema = z.object({
  cilName: column.text('CIL name', { max: 200 }),
  city: column.text('City', { max: 200 }).optional(),
  timeZone: column
    .text('Time zone', { max: 100 })
    .refine(isTimeZone, { error: 'must be a time zone name like Asia/Karachi' })
    .default(DEFAULT_TIME_ZONE),
  leadEmails: column.list('Lead emails', emailItem).default([]),
  cfpLeadEmail: column.email('CfP lead email').optional(),
  weeklyCommitmentHours: column.number('Weekly commitment (h)', { min: 0, max: 80 }).default(5),
  leadCommitmentHours: column.number('Lead commitment (h)', { min: 0, max: 80 }).default(4),
  consecutiveMissesForInactivity: column
    .number('Consecutive misses for inactivity', { min: 1, max: 20, integer: true })
    .default(2),
  daysWithoutCommunication: column.number('Days without communication', { min: 1, max: 365, integer: true }).default(14),
  minimumMinutesPresent: column
    .number('Minimum minutes to count present', { min: 0, max: 600, integer: true })
    .default(5),
  warningsBeforeOffboarding: column.number('Warnings before offboarding', { min: 1, max: 10, integer: true }).default(2),
  newMemberGraceDays: column.number('New member grace days', { min: 0, max: 365, integer: true }).default(14),
  mode: column.choice('Mode', SETTINGS_MODES).default('review'),
  dailyCheckHour: column.number('Daily check hour', { min: 0, max: 23, integer: true }).default(7),
  /** The Dashboard's hours table and charts cover this many weeks, the current one last. */
  dashboardWeeks: column.number('Dashboard weeks', { min: 2, max: 52, integer: true }).default(8),
  // The quarterly review's targets (the CIL's OKRs), each compared with the quarter's actual figure.
  /** The handbook's rule: at least one event a quarter. */
  targetEvents: column.number('Target: events per quarter', quarterTarget).default(1),
  /** CIL meetups held; one a month at least. */
  targetMeetups: column.number('Target: meetups per quarter', quarterTarget).default(3),
  /** Monthly CfP calls that a lead of the CIL attended: one a month. */
  targetCfpCalls: column.number('Target: CfP calls attended per quarter', quarterTarget).default(3),
  /** Volunteers who logged hours or came to a meeting in the quarter. */
  targetActiveMembers: column.number('Target: active members', quarterTarget).default(8),
  /** Volunteers who joined in the quarter. */
  targetNewMembers: column.number('Target: new members per quarter', quarterTarget).default(3),
  /** Hours logged in the quarter. Blank: the members' weekly commitments for the quarter's 13 weeks. */
  targetHours: column.number('Target: hours per quarter', { min: 0, max: 100_000 }).optional(),
  /** Share of the reports due in the quarter that were submitted on or before their due day. */
  targetReportsOnTime: column.number('Target: reports on time (%)', { min: 0, max: 100 }).default(90),
  /** Blog posts, press mentions and social media posts published in the quarter. */
  targetStories: column.number('Target: stories per quarter', quarterTarget).default(3),
});
export type Settings = z.output<typeof settingsSchema>;

export const SETTINGS_TAB_NAME = 'Settings';
export const SETTING_HEADER = 'Setting';
export const VALUE_HEADER = 'Value';

/** The settings in tab order, each with its label (`header`) and kind. */
export const settingColumns = columnsOf(settingsSchema, 'Settings');

// No setting is a date or a time, so no time zone is consulted when reading or writing one; the
// time zone is itself a setting.
const NO_TIME_ZONE = 'UTC';

export interface SettingIssue {
  key: string | undefined;
  /** The setting's label, or undefined for a problem with the tab itself. */
  label: string | undefined;
  problem: string;
}

export type SettingsRead = { ok: true; settings: Settings } | { ok: false; issues: SettingIssue[]; message: string };

/**
 * Settings from the Settings tab's values (header row first). Columns 'Setting' and 'Value' are found
 * by name; a row whose label is not a setting is ignored (leads keep notes there), a missing or blank
 * setting takes its default, and a bad value is refused with the setting's label.
 */
export function readSettings(values: readonly (readonly unknown[])[]): SettingsRead {
  const [headerCells = [], ...rows] = values;
  const headers = headerCells.map(headerKey);
  const labelAt = headers.indexOf(headerKey(SETTING_HEADER));
  const valueAt = headers.indexOf(headerKey(VALUE_HEADER));
  const fail = (issues: SettingIssue[]): SettingsRead => ({
    ok: false,
    issues,
    message: `Settings: ${issues.map((i) => (i.label ? `"${i.label}" ${i.problem}` : i.problem)).join('; ')}`,
  });
  if (labelAt < 0 || valueAt < 0) {
    return fail([
      {
        key: undefined,
        label: undefined,
        problem: `the tab needs "${SETTING_HEADER}" and "${VALUE_HEADER}" columns in its header row`,
      },
    ]);
  }

  const input: Record<string, unknown> = {};
  const issues: SettingIssue[] = [];
  const rowOf = new Map<string, number>();
  const cellOf = new Map<string, unknown>();
  rows.forEach((row, index) => {
    const setting = settingColumns.find((c) => headerKey(c.header) === headerKey(row[labelAt]));
    if (!setting) return;
    const rowNumber = index + 2;
    const earlier = rowOf.get(setting.key);
    if (earlier !== undefined) {
      issues.push({ key: setting.key, label: setting.header, problem: `appears twice (rows ${earlier} and ${rowNumber}); delete one` });
      return;
    }
    rowOf.set(setting.key, rowNumber);
    const cell = row[valueAt];
    cellOf.set(setting.key, cell);
    if (isBlankCell(cell)) return;
    const read = readCell(setting, cell, NO_TIME_ZONE);
    if (read.ok) input[setting.key] = read.value;
    else {
      const found = read.quoted ? '' : ` (found ${describeCell(cell)})`;
      issues.push({ key: setting.key, label: setting.header, problem: `${read.problem}${found}` });
    }
  });

  const parsed = settingsSchema.safeParse(input);
  if (parsed.success && issues.length === 0) return { ok: true, settings: parsed.data };
  const reported = new Set(issues.map((i) => i.key));
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const setting = settingColumns.find((c) => c.key === issue.path[0]);
    if (!setting || reported.has(setting.key)) continue;
    reported.add(setting.key);
    const cell = cellOf.get(setting.key);
    const problem = isBlankCell(cell)
      ? rowOf.has(setting.key)
        ? 'is blank'
        : `is missing; add a row "${setting.header}" to the Settings tab`
      : `${issue.message} (found ${describeCell(cell)})`;
    issues.push({ key: setting.key, label: setting.header, problem });
  }
  return fail(issues);
}

/** The Settings tab's values for `settings`, header row first; settings left unset get a blank value. */
export function settingsRows(settings: Settings): Cell[][] {
  const parsed = settingsSchema.parse(settings) as Record<string, unknown>;
  return [
    [SETTING_HEADER, VALUE_HEADER],
    ...settingColumns.map((setting) => [setting.header, writeCell(setting, parsed[setting.key], NO_TIME_ZONE)]),
  ];
}
