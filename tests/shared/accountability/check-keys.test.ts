import { describe, expect, it } from 'vitest';
import {
  backToActiveKey,
  deadlineReminderKey,
  hoursReminderKey,
  meetingReminderKey,
  mentorCheckInKey,
  offboardingKey,
  overrideKey,
  overrideUntil,
  reintegrationKey,
  warningKey,
} from '../../../shared/accountability/check-keys';
import { isLogged, logEventOf } from '../../../shared/accountability/log-rows';
import { accountabilityEventSchema } from '../../../shared/records/accountability';
import { actionsOf, evaluate, hours } from './world';

describe('check keys', () => {
  it.each([
    [hoursReminderKey('V-12', '2026-W48'), 'reminder:V-12:hours:2026-W48'],
    [deadlineReminderKey('V-12', 'D-5', '2026-12-01'), 'reminder:V-12:deadline:D-5:2026-12-01'],
    [meetingReminderKey('V-12', 'M-7', '2026-11-25'), 'reminder:V-12:meeting:M-7:2026-11-25'],
    [warningKey('V-12', 2, '2026-11-21'), 'warning:V-12:2:2026-11-21'],
    [offboardingKey('V-12', '2026-11-21'), 'offboarding:V-12:2026-11-21'],
    [reintegrationKey('V-12', 'E-40'), 'reintegration:V-12:E-40'],
    [backToActiveKey('V-12', 'E-31'), 'note:V-12:back-to-active:E-31'],
    [mentorCheckInKey('no-event', '2026-Q4'), 'mentor-check-in:cil:no-event:2026-Q4'],
    [overrideKey('2026-12-31'), 'override:2026-12-31'],
    [overrideKey('2026-12-31', 'V-12'), 'override:V-12:2026-12-31'],
  ])('%s', (key, expected) => {
    expect(key).toBe(expected);
    expect(key.length).toBeLessThanOrEqual(500);
  });

  it.each([
    ['override:2026-12-31', '2026-12-31'],
    ['Override: 2026-12-31', '2026-12-31'],
    ['  OVERRIDE:2026-12-31  ', '2026-12-31'],
    ['override:V-12:2026-12-31', '2026-12-31'],
    ['override: V-12 : 2026-12-31', '2026-12-31'],
    ['override:2026-02-30', undefined],
    ['override:31/12/2026', undefined],
    ['override until 2026-12-31', undefined],
    ['warning:V-12:1:2026-12-31', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('override key %j → %j', (key, until) => {
    expect(overrideUntil(key)).toBe(until);
  });
});

describe('log rows for proposed steps', () => {
  it('are valid Accountability log rows carrying the check key, the evidence and the status to start with', () => {
    const [warning] = actionsOf(evaluate({ hours: [hours('V-1', '2026-10-01')] }), 'warning');
    if (!warning) throw new Error('expected a warning');
    const row = logEventOf(warning, { id: 'E-100', at: '2026-11-19T04:00:00.000Z' });
    expect(row).toEqual({
      id: 'E-100',
      volunteerId: 'V-1',
      kind: 'warning',
      at: '2026-11-19T04:00:00.000Z',
      by: 'daily check',
      evidence: warning.evidenceText,
      status: 'proposed',
      checkKey: warning.checkKey,
    });
    expect(accountabilityEventSchema.parse(row)).toEqual(row);
    expect(isLogged([row], warning.checkKey)).toBe(true);
    expect(isLogged([row], ` ${warning.checkKey} `)).toBe(true);
    expect(isLogged([{ checkKey: undefined }], warning.checkKey)).toBe(false);
  });

  it('a step about the whole CIL has no volunteer', () => {
    const [checkIn] = actionsOf(evaluate({ today: '2026-12-10', hours: [hours('V-1', '2026-12-09')] }), 'mentor check-in');
    if (!checkIn) throw new Error('expected a check-in');
    const row = logEventOf(checkIn, { id: 'E-101', at: '2026-12-10T04:00:00.000Z', by: 'lead@example.org' });
    expect(row).not.toHaveProperty('volunteerId');
    expect(row.by).toBe('lead@example.org');
    expect(accountabilityEventSchema.safeParse(row).success).toBe(true);
  });
});
