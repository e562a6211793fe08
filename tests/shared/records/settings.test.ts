import { describe, expect, it } from 'vitest';
import { readSettings, settingColumns, settingsRows, settingsSchema, type Settings } from '../../../shared/records/settings';

const header = ['Setting', 'Value'];

function read(rows: unknown[][], head: unknown[] = header) {
  return readSettings([head, ...rows]);
}

describe('settings', () => {
  it('take the handbook defaults', () => {
    expect(settingsSchema.parse({ cilName: 'CIL Lahore' })).toEqual({
      cilName: 'CIL Lahore',
      timeZone: 'Asia/Karachi',
      leadEmails: [],
      weeklyCommitmentHours: 5,
      leadCommitmentHours: 4,
      consecutiveMissesForInactivity: 2,
      daysWithoutCommunication: 14,
      minimumMinutesPresent: 5,
      warningsBeforeOffboarding: 2,
      newMemberGraceDays: 14,
      mode: 'review',
      dailyCheckHour: 7,
      dashboardWeeks: 8,
      targetEvents: 1,
      targetMeetups: 3,
      targetCfpCalls: 3,
      targetActiveMembers: 8,
      targetNewMembers: 3,
      targetReportsOnTime: 90,
      targetStories: 3,
    });
  });

  it('each have a label', () => {
    expect(settingColumns.map((s) => s.header)).toEqual([
      'CIL name',
      'City',
      'Time zone',
      'Lead emails',
      'CfP lead email',
      'Weekly commitment (h)',
      'Lead commitment (h)',
      'Consecutive misses for inactivity',
      'Days without communication',
      'Minimum minutes to count present',
      'Warnings before offboarding',
      'New member grace days',
      'Mode',
      'Daily check hour',
      'Dashboard weeks',
      'Target: events per quarter',
      'Target: meetups per quarter',
      'Target: CfP calls attended per quarter',
      'Target: active members',
      'Target: new members per quarter',
      'Target: hours per quarter',
      'Target: reports on time (%)',
      'Target: stories per quarter',
    ]);
  });
});

describe('readSettings', () => {
  it('reads labelled values, ignoring unknown rows and extra columns', () => {
    const result = read(
      [
        ['Weekly commitment (h)', 6, 'raised in 2026'],
        ['CIL name', 'CIL Lahore', ''],
        ['Favourite chai', 'doodh patti', ''],
        ['lead EMAILS', 'Sana@Example.org, omar@example.org', ''],
        ['Mode', 'Automatic', ''],
        ['', '', ''],
      ],
      ['Setting', 'Value', 'Why'],
    );
    expect(result).toMatchObject({
      ok: true,
      settings: {
        cilName: 'CIL Lahore',
        weeklyCommitmentHours: 6,
        leadEmails: ['sana@example.org', 'omar@example.org'],
        mode: 'automatic',
        daysWithoutCommunication: 14,
      },
    });
  });

  it('finds the columns by name, in any order', () => {
    const result = readSettings([['Value', 'Setting'], ['CIL Karachi', 'CIL name'], ['Europe/London', 'Time zone']]);
    expect(result).toMatchObject({ ok: true, settings: { cilName: 'CIL Karachi', timeZone: 'Europe/London' } });
  });

  it('takes defaults for blank values', () => {
    expect(read([['CIL name', 'CIL Lahore'], ['Daily check hour', '']])).toMatchObject({ ok: true, settings: { dailyCheckHour: 7 } });
  });

  it('refuses bad values, naming the setting by its label', () => {
    const result = read([
      ['CIL name', 'CIL Lahore'],
      ['Weekly commitment (h)', 'five'],
      ['Time zone', 'Lahore'],
      ['Daily check hour', 25],
      ['Lead emails', 'sana@example.org, omar'],
      ['Mode', 'yolo'],
    ]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => `${i.label}: ${i.problem}`)).toEqual([
      'Weekly commitment (h): must be a number (found "five")',
      'Time zone: must be a time zone name like Asia/Karachi (found "Lahore")',
      'Lead emails: must be email addresses separated by commas (found "sana@example.org, omar")',
      'Mode: must be one of: review, automatic (found "yolo")',
      'Daily check hour: must be at most 23 (found 25)',
    ]);
    expect(result.message).toMatch(/^Settings: "Weekly commitment \(h\)" must be a number/);
  });

  it('says a required setting is missing, or blank', () => {
    expect(read([])).toMatchObject({ ok: false, issues: [{ label: 'CIL name', problem: 'is missing; add a row "CIL name" to the Settings tab' }] });
    expect(read([['CIL name', ' ']])).toMatchObject({ ok: false, issues: [{ label: 'CIL name', problem: 'is blank' }] });
  });

  it('refuses a setting given twice', () => {
    const result = read([['CIL name', 'A'], ['CIL name', 'B']]);
    expect(result).toMatchObject({ ok: false, issues: [{ label: 'CIL name', problem: 'appears twice (rows 2 and 3); delete one' }] });
  });

  it('needs the Setting and Value columns', () => {
    expect(readSettings([['Key', 'Value']])).toMatchObject({ ok: false, message: 'Settings: the tab needs "Setting" and "Value" columns in its header row' });
    expect(readSettings([])).toMatchObject({ ok: false });
  });
});

describe('settingsRows', () => {
  it('writes every setting, and reads back the same', () => {
    const settings: Settings = settingsSchema.parse({
      cilName: '=CIL Lahore',
      city: 'Lahore',
      leadEmails: ['sana@example.org', 'omar@example.org'],
      cfpLeadEmail: 'cfp@codeforpakistan.org',
    });
    const rows = settingsRows(settings);
    expect(rows[0]).toEqual(['Setting', 'Value']);
    expect(rows).toContainEqual(['CIL name', "'=CIL Lahore"]);
    expect(rows).toContainEqual(['Lead emails', "'sana@example.org, omar@example.org"]);
    expect(rows).toContainEqual(['Weekly commitment (h)', 5]);
    expect(rows).toHaveLength(settingColumns.length + 1);
    expect(readSettings(rows)).toEqual({ ok: true, settings });
  });

  it('leaves unset settings blank', () => {
    const rows = settingsRows(settingsSchema.parse({ cilName: 'CIL Lahore' }));
    expect(rows).toContainEqual(['City', '']);
    expect(rows).toContainEqual(['Target: hours per quarter', '']);
  });

  it("writes the quarterly review's targets with their defaults, and reads back a lead's own", () => {
    const rows = settingsRows(settingsSchema.parse({ cilName: 'CIL Lahore' }));
    expect(rows).toContainEqual(['Target: events per quarter', 1]);
    expect(rows).toContainEqual(['Target: reports on time (%)', 90]);
    expect(rows).toContainEqual(['Dashboard weeks', 8]);
    const typed = read([['CIL name', 'CIL Lahore'], ['Target: hours per quarter', 400], ['target: STORIES per quarter', 6]]);
    expect(typed).toMatchObject({ ok: true, settings: { targetHours: 400, targetStories: 6, targetEvents: 1 } });
  });

  it.each([
    ['Target: reports on time (%)', 120, 'must be at most 100 (found 120)'],
    ['Target: events per quarter', 1.5, 'must be a whole number (found 1.5)'],
    ['Dashboard weeks', 1, 'must be at least 2 (found 1)'],
    ['Target: hours per quarter', -5, 'must be at least 0 (found -5)'],
  ])('refuses %s of %s', (label, value, problem) => {
    expect(read([['CIL name', 'CIL Lahore'], [label, value]])).toMatchObject({ ok: false, issues: [{ label, problem }] });
  });
});
