import { describe, expect, it } from 'vitest';
import type { AccountabilityEvent } from '../../../shared/records/accountability';
import type { HoursEntry } from '../../../shared/records/hours';
import type { ActionType, Standing } from '../../../shared/accountability/types';
import { addDays, type CalendarDay } from '../../../shared/time/calendar-day';
import {
  actionsOf,
  assessmentOf,
  at,
  deliverable,
  evaluate,
  hours,
  logged,
  meeting,
  morning,
  override,
  project,
  sentWarning,
  TODAY,
  volunteer,
} from './world';

const daysAgo = (n: number): CalendarDay => addDays(TODAY, -n);

// Last in touch 60 days ago: inactive (no communication) since 45 days ago, and still.
const silent = hours('V-1', daysAgo(60));
const SINCE = daysAgo(45);

type Next = ActionType | 'nothing';
type Case = { name: string; log: AccountabilityEvent[]; extraHours?: HoursEntry[]; settings?: { warningsBeforeOffboarding?: number }; next: Next; number?: number; standing?: Standing; counted?: number };

const cases: Case[] = [
  { name: 'never warned', log: [], next: 'warning', number: 1, counted: 0 },
  { name: 'warned 5 days ago, no response', log: [sentWarning('V-1', daysAgo(5))], next: 'nothing', counted: 1 },
  { name: 'warned 13 days ago, no response', log: [sentWarning('V-1', daysAgo(13))], next: 'nothing', counted: 1 },
  { name: 'warned 14 days ago, no response', log: [sentWarning('V-1', daysAgo(14))], next: 'warning', number: 2, counted: 1 },
  {
    name: 'warned, approved but not yet emailed, 14 days ago',
    log: [sentWarning('V-1', daysAgo(14), { status: 'approved' })],
    next: 'warning',
    number: 2,
    counted: 1,
  },
  {
    name: 'warned: proposed 20 days ago, emailed 10 days ago (the email starts the clock)',
    log: [sentWarning('V-1', daysAgo(20), { emailSentAt: morning(daysAgo(10)) })],
    next: 'nothing',
    counted: 1,
  },
  {
    name: 'a warning still waiting for a lead',
    log: [sentWarning('V-1', daysAgo(20), { status: 'proposed' })],
    next: 'nothing',
    counted: 0,
  },
  {
    name: 'a warning dismissed 3 days ago settles what came before',
    log: [sentWarning('V-1', daysAgo(3), { status: 'dismissed' })],
    next: 'nothing',
    standing: 'active',
    counted: 0,
  },
  {
    name: 'a warning dismissed 20 days ago: new silence since then',
    log: [sentWarning('V-1', daysAgo(20), { status: 'dismissed' })],
    next: 'warning',
    number: 1,
    counted: 0,
  },
  { name: 'warned 100 days ago (no longer counts)', log: [sentWarning('V-1', daysAgo(100))], next: 'warning', number: 1, counted: 0 },
  { name: 'warned 90 days ago (still counts)', log: [sentWarning('V-1', daysAgo(90))], next: 'warning', number: 2, counted: 1 },
  {
    name: 'warned twice, the second 10 days ago',
    log: [sentWarning('V-1', daysAgo(30)), sentWarning('V-1', daysAgo(10))],
    next: 'nothing',
    counted: 2,
  },
  {
    name: 'warned twice, the second 14 days ago, no response: offboarding',
    log: [sentWarning('V-1', daysAgo(30)), sentWarning('V-1', daysAgo(14))],
    next: 'offboarding',
    counted: 2,
  },
  {
    name: 'one warning only, however long ago: a second warning, not offboarding',
    log: [sentWarning('V-1', daysAgo(40))],
    next: 'warning',
    number: 2,
    counted: 1,
  },
  {
    name: 'one warning when the setting asks for one',
    log: [sentWarning('V-1', daysAgo(14))],
    settings: { warningsBeforeOffboarding: 1 },
    next: 'offboarding',
    counted: 1,
  },
  {
    name: 'warned twice, then logged hours: active again',
    log: [sentWarning('V-1', daysAgo(30)), sentWarning('V-1', daysAgo(14))],
    extraHours: [hours('V-1', daysAgo(2))],
    next: 'nothing',
    standing: 'active',
    counted: 2,
  },
  {
    name: 'warned once, active again, then silent for 15 days: second warning at once',
    log: [sentWarning('V-1', daysAgo(40))],
    extraHours: [hours('V-1', daysAgo(20))],
    next: 'warning',
    number: 2,
    counted: 1,
  },
  {
    name: 'warned twice, active again, then silent for 15 days: offboarding at once',
    log: [sentWarning('V-1', daysAgo(50)), sentWarning('V-1', daysAgo(35))],
    extraHours: [hours('V-1', daysAgo(20))],
    next: 'offboarding',
    counted: 2,
  },
  {
    name: 'already offboarded in the log (roster not updated yet)',
    log: [sentWarning('V-1', daysAgo(40)), sentWarning('V-1', daysAgo(25)), logged({ kind: 'offboarding', volunteerId: 'V-1', at: morning(daysAgo(5)), status: 'approved' })],
    next: 'nothing',
    counted: 2,
  },
];

describe('formal warnings, then offboarding after persistent inactivity', () => {
  it.each(cases)('$name → $next', ({ log, extraHours, settings, next, number, standing, counted }) => {
    const result = evaluate({ hours: [silent, ...(extraHours ?? [])], log, settings });
    const assessment = assessmentOf(result);
    expect(assessment.standing).toBe(standing ?? 'inactive');
    if (counted !== undefined) expect(assessment.warnings.counted).toBe(counted);
    const escalations = result.actions.filter((a) => a.type === 'warning' || a.type === 'offboarding');
    expect(escalations.map((a) => a.type)).toEqual(next === 'nothing' ? [] : [next]);
    if (next === 'warning') {
      expect(escalations[0]).toMatchObject({ warningNumber: number, setsRosterStatus: 'warned', logStatus: 'proposed', mandatory: true });
      expect(escalations[0]?.checkKey).toMatch(new RegExp(`^warning:V-1:${number}:\\d{4}-\\d{2}-\\d{2}$`));
    }
    if (next === 'offboarding') expect(escalations[0]).toMatchObject({ setsRosterStatus: 'offboarded', logStatus: 'proposed' });
  });

  it('keys a warning to the volunteer, its number and the day the inactivity began', () => {
    const [warning] = actionsOf(evaluate({ hours: [silent] }), 'warning');
    expect(warning?.checkKey).toBe(`warning:V-1:1:${SINCE}`);
    const [second] = actionsOf(evaluate({ hours: [silent], log: [sentWarning('V-1', daysAgo(14))] }), 'warning');
    expect(second?.checkKey).toBe(`warning:V-1:2:${SINCE}`);
    expect(second?.evidenceText.startsWith(`Warning 2 of 2, inactive since ${SINCE} (earlier: [`)).toBe(true);
  });

  it('a dismissed warning stays dismissed for its evidence; new evidence brings a new one', () => {
    const first = evaluate({ hours: [silent] });
    const [warning] = actionsOf(first, 'warning');
    if (!warning) throw new Error('expected a warning');
    const dismissed = sentWarning('V-1', TODAY, { status: 'dismissed', checkKey: warning.checkKey, at: '2026-11-19T05:00:00.000Z' });
    // Later today and tomorrow: nothing.
    expect(actionsOf(evaluate({ hours: [silent], log: [dismissed], now: '2026-11-19T10:00:00.000Z' }), 'warning')).toEqual([]);
    expect(actionsOf(evaluate({ hours: [silent], log: [dismissed], today: addDays(TODAY, 1) }), 'warning')).toEqual([]);
    // Fifteen more silent days are new evidence: a new warning, with a new key.
    const [again] = actionsOf(evaluate({ hours: [silent], log: [dismissed], today: addDays(TODAY, 15) }), 'warning');
    expect(again?.checkKey).toBe(`warning:V-1:1:${addDays(TODAY, 15)}`);
  });

  it('a deliverable still owed is not settled by logging hours: the next warning comes after the response days', () => {
    const owed = deliverable('V-1', daysAgo(12), { title: 'Discovery report' });
    const warning = sentWarning('V-1', daysAgo(11));
    const busy = [hours('V-1', daysAgo(20)), hours('V-1', daysAgo(5)), hours('V-1', daysAgo(1))];
    const now = evaluate({ hours: busy, deliverables: [owed], log: [warning] });
    expect(assessmentOf(now).standing).toBe('inactive');
    expect(assessmentOf(now).reasons.map((r) => r.code)).toEqual(['missed deadline']);
    expect(actionsOf(now, 'warning')).toEqual([]);
    const later = evaluate({ hours: busy, deliverables: [owed], log: [warning], today: addDays(TODAY, 3) });
    expect(actionsOf(later, 'warning').map((a) => a.checkKey)).toEqual([`warning:V-1:2:${daysAgo(11)}`]);
    // Submitting it is what settles it.
    const submitted = evaluate({ hours: busy, deliverables: [{ ...owed, status: 'submitted', submittedOn: daysAgo(2) }], log: [warning] });
    expect(assessmentOf(submitted).standing).toBe('active');
  });

  it('flags a proposed warning the records no longer support, so the lead is told before approving', () => {
    const waiting = sentWarning('V-1', daysAgo(3), { status: 'proposed', checkKey: 'warning:V-1:1:x' });
    const stillInactive = evaluate({ hours: [silent], log: [waiting] });
    expect(stillInactive.outdated).toEqual([]);
    const answered = evaluate({ hours: [silent, hours('V-1', daysAgo(1))], log: [waiting] });
    expect(answered.outdated).toEqual([{ eventId: waiting.id, checkKey: 'warning:V-1:1:x', volunteerId: 'V-1', why: 'no longer inactive' }]);
    const onLeave = evaluate({ volunteers: [volunteer('V-1', { status: 'on leave' })], hours: [silent], log: [waiting] });
    expect(onLeave.outdated.map((o) => o.why)).toEqual(['exempt today']);
    const gone = evaluate({ volunteers: [volunteer('V-1', { status: 'alumni' })], hours: [silent], log: [waiting] });
    expect(gone.outdated.map((o) => o.why)).toEqual(['not on the active roster']);
    const overridden = evaluate({ hours: [silent], log: [waiting, override('V-1', '2026-12-31')] });
    expect(overridden.outdated.map((o) => o.why)).toEqual(['exempt today']);
  });

  it('in automatic mode, warnings go out approved', () => {
    const [warning] = actionsOf(evaluate({ hours: [silent], settings: { mode: 'automatic' } }), 'warning');
    expect(warning?.logStatus).toBe('approved');
  });

  it('proposes nothing more while a step waits for a lead, and says so', () => {
    const waiting = sentWarning('V-1', daysAgo(1), { status: 'proposed', checkKey: 'warning:V-1:1:2026-01-01' });
    const result = evaluate({ hours: [silent], log: [waiting] });
    expect(actionsOf(result, 'warning')).toEqual([]);
    expect(result.held).toEqual([{ checkKey: `warning:V-1:1:${SINCE}`, why: 'awaiting lead' }]);
  });

  it('the offboarding states the warnings and carries the handover checklist', () => {
    const first = sentWarning('V-1', daysAgo(30));
    const second = sentWarning('V-1', daysAgo(14));
    const led = project('V-1', { name: 'Bus stops map' });
    const done = project('V-1', { name: 'Old app', status: 'completed' });
    const owed = deliverable('V-1', addDays(TODAY, 5), { kind: 'biweekly update', title: 'Update B24' });
    const upcoming = meeting('M-8', addDays(TODAY, 5), { calendarEventId: 'evt-1' });
    const upcomingToo = meeting('M-9', addDays(TODAY, 12), { calendarEventId: 'evt-1' });
    const result = evaluate({
      volunteers: [volunteer('V-1', { tokenHash: 'a'.repeat(64) })],
      hours: [silent],
      log: [first, second],
      projects: [led, done],
      deliverables: [owed],
      meetings: [upcoming, upcomingToo],
    });
    const [offboarding] = actionsOf(result, 'offboarding');
    expect(offboarding?.checkKey).toBe(`offboarding:V-1:${SINCE}`);
    expect(offboarding?.evidenceText).toBe(
      `Offboarding after 2 warnings ([${first.id}] on ${daysAgo(30)}, [${second.id}] on ${daysAgo(14)}), still inactive 14 days after the last; inactive since ${SINCE}: ` +
        `No communication for 60 days, more than the 14 allowed; last contact on ${daysAgo(60)}: Logged 1 hour for ${daysAgo(60)} [${silent.id}].`,
    );
    expect(offboarding?.evidence.slice(0, 2).map((ref) => ref.id)).toEqual([first.id, second.id]);
    expect(offboarding?.handover?.map((step) => [step.item, step.text])).toEqual([
      ['projects', `Hand over the 1 project they lead to another lead: "Bus stops map" [${led.id}].`],
      ['deliverables', `Reassign the 1 pending deliverable they own: biweekly update "Update B24" [${owed.id}] due ${addDays(TODAY, 5)}.`],
      ['calendar', `Remove them from the CIL's calendar invites: CIL meetup "Meetup ${addDays(TODAY, 5)}" on ${addDays(TODAY, 5)} [M-8].`],
      ['drive', "Change their access to the CIL's Drive folder to viewer."],
      ['token', 'Revoke their enrollment token, so the extension stops writing for them.'],
      ['roster', 'Set their status to "offboarded" in the Volunteers tab.'],
    ]);
  });

  it('a handover with nothing to hand over still takes back access', () => {
    const result = evaluate({ hours: [silent], log: [sentWarning('V-1', daysAgo(30)), sentWarning('V-1', daysAgo(14))] });
    expect(actionsOf(result, 'offboarding')[0]?.handover?.map((step) => step.item)).toEqual(['projects', 'deliverables', 'calendar', 'drive', 'roster']);
  });
});

describe('a warned member who becomes active again', () => {
  type Case = { name: string; activity: Parameters<typeof evaluate>[0]; backToActive: boolean; via?: string };
  const m = meeting('M-5', daysAgo(3), { kind: 'hack night' });
  const cases: Case[] = [
    { name: 'logs hours', activity: { hours: [silent, hours('V-1', daysAgo(2))] }, backToActive: true, via: 'Hours' },
    { name: 'logs hours for an earlier day (logged after the warning)', activity: { hours: [silent, hours('V-1', daysAgo(12), 2, { loggedAt: at(daysAgo(2)) })] }, backToActive: true, via: 'Hours' },
    {
      name: 'attends a meeting',
      activity: { hours: [silent], meetings: [m], attendance: [{ id: 'A-x', meetingId: 'M-5', volunteerId: 'V-1', status: 'present', minutes: 50, source: 'extension' }] },
      backToActive: true,
      via: 'Meetings',
    },
    {
      name: 'joins a meeting for 2 minutes (not present)',
      activity: { hours: [silent], meetings: [m], attendance: [{ id: 'A-x', meetingId: 'M-5', volunteerId: 'V-1', status: 'absent', minutes: 2, source: 'extension' }] },
      backToActive: false,
    },
    {
      name: 'submits the overdue report',
      activity: { hours: [silent], deliverables: [deliverable('V-1', daysAgo(50), { status: 'submitted', submittedOn: daysAgo(2) })] },
      backToActive: true,
      via: 'Deliverables',
    },
    { name: 'only sends a message', activity: { hours: [silent], notices: [{ id: 'N-x', volunteerId: 'V-1', kind: 'communication', givenAt: at(daysAgo(2)), source: 'form' }] }, backToActive: false },
    { name: 'logged hours before the warning only', activity: { hours: [silent, hours('V-1', daysAgo(12))] }, backToActive: false },
  ];

  it.each(cases)('$name → back to active: $backToActive', ({ activity, backToActive, via }) => {
    const warning = sentWarning('V-1', daysAgo(10));
    const result = evaluate({ ...activity, volunteers: [volunteer('V-1', { status: 'warned' })], log: [warning] });
    const assessment = assessmentOf(result);
    const notes = actionsOf(result, 'back to active');
    expect(notes).toHaveLength(backToActive ? 1 : 0);
    expect(assessment.standing === 'inactive').toBe(!backToActive && assessment.reasons.some((r) => r.severity === 'inactive'));
    if (backToActive) {
      expect(assessment.warnings.counted).toBe(1);
      expect(assessment.warnings.activeAgainAt).toBeDefined();
      expect(notes[0]).toMatchObject({ kind: 'note', checkKey: `note:V-1:back-to-active:${warning.id}`, setsRosterStatus: 'active', logStatus: 'approved', mandatory: false });
      expect(notes[0]?.evidence[0]?.tab).toBe(via);
    }
  });

  it('no note when the roster already says active', () => {
    const result = evaluate({ hours: [silent, hours('V-1', daysAgo(2))], log: [sentWarning('V-1', daysAgo(10))] });
    expect(assessmentOf(result).standing).toBe('active');
    expect(actionsOf(result, 'back to active')).toEqual([]);
  });
});
