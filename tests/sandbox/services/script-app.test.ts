import { describe, expect, it } from 'vitest';
import { createScriptApp } from '../../../sandbox/src/services/script-app';
import { errorOf, serviceContext } from './service-context';

const setup = () => {
  const ctx = serviceContext();
  return { ctx, ScriptApp: createScriptApp(ctx) };
};

describe('ScriptApp clock triggers', () => {
  it('creates a daily trigger, stored with its schedule and next run in the script time zone', () => {
    const { ctx, ScriptApp } = setup();
    const trigger = ScriptApp.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).create();
    expect(trigger.getHandlerFunction()).toBe('dailyCheck');
    expect(trigger.getEventType()).toBe(ScriptApp.EventType.CLOCK);
    expect(trigger.getTriggerSource()).toBe(ScriptApp.TriggerSource.CLOCK);
    expect(trigger.getTriggerSourceId()).toBeNull();
    // Google picks a minute within the hour when the trigger is made and keeps it.
    const minute = (ctx.state.triggers[0]!.schedule as { nearMinute: number }).nearMinute;
    expect(minute).toBeGreaterThanOrEqual(0);
    expect(minute).toBeLessThan(60);
    expect(ctx.state.triggers).toEqual([
      {
        id: trigger.getUniqueId(),
        handler: 'dailyCheck',
        owner: 'lead@cil-demo.example',
        schedule: { kind: 'everyDays', days: 1, atHour: 7, nearMinute: minute },
        createdAt: new Date('2026-11-27T05:00:00Z'),
        nextRunAt: new Date(Date.parse('2026-11-28T02:00:00Z') + minute * 60_000), // 07:mm in Asia/Karachi
        timeZone: null,
      },
    ]);
  });

  it('runs near the minute asked for, within 15 minutes, and not at :00 for every trigger', () => {
    const { ctx, ScriptApp } = setup();
    for (let i = 0; i < 10; i++) ScriptApp.newTrigger(`near${i}`).timeBased().everyDays(1).atHour(7).nearMinute(30).create();
    for (let i = 0; i < 10; i++) ScriptApp.newTrigger(`any${i}`).timeBased().everyDays(1).atHour(7).create();
    const minutes = ctx.state.triggers.map((t) => (t.schedule as { nearMinute: number }).nearMinute);
    for (const minute of minutes.slice(0, 10)) expect(Math.abs(minute - 30)).toBeLessThanOrEqual(15);
    expect(new Set(minutes.slice(10)).size).toBeGreaterThan(3);
  });

  it('makes onWeekDay alone a weekly trigger, and honours inTimezone', () => {
    const { ctx, ScriptApp } = setup();
    ScriptApp.newTrigger('weeklySummary').timeBased().onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(9).inTimezone('Europe/London').create();
    const [stored] = ctx.state.triggers;
    const minute = (stored!.schedule as { nearMinute: number }).nearMinute;
    expect(stored!.schedule).toEqual({ kind: 'everyWeeks', weeks: 1, onWeekDay: 'MONDAY', atHour: 9, nearMinute: minute });
    expect(stored!.timeZone).toBe('Europe/London');
    expect(stored!.nextRunAt).toEqual(new Date(Date.parse('2026-11-30T09:00:00Z') + minute * 60_000));
  });

  it('makes after(ms) and at(date) one-shot triggers', () => {
    const { ctx, ScriptApp } = setup();
    ScriptApp.newTrigger('later').timeBased().after(10 * 60 * 1000).create();
    ScriptApp.newTrigger('onDate').timeBased().at(new Date('2026-12-01T00:00:00Z')).create();
    expect(ctx.state.triggers.map((t) => [t.schedule, t.nextRunAt])).toEqual([
      [{ kind: 'at', at: new Date('2026-11-27T05:10:00Z') }, new Date('2026-11-27T05:10:00Z')],
      [{ kind: 'at', at: new Date('2026-12-01T00:00:00Z') }, new Date('2026-12-01T00:00:00Z')],
    ]);
  });

  it("refuses the intervals Google refuses, with Google's texts", () => {
    const { ScriptApp } = setup();
    const clock = () => ScriptApp.newTrigger('f').timeBased();
    expect(errorOf(() => clock().everyMinutes(2))).toBe('The minute interval must be one of 1, 5, 10, 15 or 30.');
    expect(errorOf(() => clock().everyHours(3))).toBe('The hour interval must be one of 1, 2, 4, 6, 8 or 12.');
    expect(errorOf(() => clock().everyDays(1).atHour(24))).toBe('The hour must be between 0 and 23.');
    expect(errorOf(() => clock().everyDays(1).nearMinute(60))).toBe('The minute must be between 0 and 59.');
    expect(errorOf(() => clock().everyDays(0))).toBe('The day interval must be a positive whole number.');
    expect(errorOf(() => clock().inTimezone('Mars/Olympus'))).toBe('Invalid argument: timezone');
  });

  it('refuses schedules that do not make sense rather than guessing', () => {
    const { ctx, ScriptApp } = setup();
    const clock = () => ScriptApp.newTrigger('f').timeBased();
    expect(errorOf(() => clock().everyDays(1).everyHours(1))).toBe(
      'The clock trigger already runs everyDays(1); it cannot also run everyHours(1).',
    );
    expect(errorOf(() => clock().everyHours(1).atHour(7).create())).toBe(
      'atHour and nearMinute can only be used with everyDays, everyWeeks, onWeekDay or atDate.',
    );
    expect(errorOf(() => clock().create())).toMatch(/^The clock trigger has no schedule/);
    expect(ctx.state.triggers).toEqual([]);
  });

  it('refuses the 21st trigger of a user (20 per user per script) and keeps the 20', () => {
    const { ctx, ScriptApp } = setup();
    for (let i = 0; i < 20; i++) ScriptApp.newTrigger(`f${i}`).timeBased().everyHours(1).create();
    expect(errorOf(() => ScriptApp.newTrigger('f20').timeBased().everyHours(1).create())).toBe(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(ctx.state.triggers).toHaveLength(20);
    ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]!);
    expect(ScriptApp.newTrigger('f20').timeBased().everyHours(1).create().getHandlerFunction()).toBe('f20');
  });

  it("lists only the current user's triggers and deletes by trigger, once", () => {
    const { ctx, ScriptApp } = setup();
    const mine = ScriptApp.newTrigger('dailyCheck').timeBased().everyDays(1).atHour(7).create();
    ctx.state.triggers.push({ ...ctx.state.triggers[0]!, id: 'someone-elses', owner: 'other@cil-demo.example' });
    expect(ScriptApp.getProjectTriggers().map((t) => t.getUniqueId())).toEqual([mine.getUniqueId()]);
    ScriptApp.deleteTrigger(mine);
    expect(ctx.state.triggers.map((t) => t.id)).toEqual(['someone-elses']);
    expect(errorOf(() => ScriptApp.deleteTrigger(mine))).toBe('The trigger was deleted or could not be found.');
  });
});

describe('ScriptApp spreadsheet triggers', () => {
  it('records an installable onOpen trigger for a spreadsheet, never run by the clock', () => {
    const { ctx, ScriptApp } = setup();
    ctx.state.spreadsheets['sheet-1'] = { id: 'sheet-1', name: 'CIL', timeZone: 'Asia/Karachi', locale: 'en_US', sheets: [], nextSheetId: 1 };
    const spreadsheet = { getId: () => 'sheet-1' };
    const trigger = ScriptApp.newTrigger('onOpenInstalled').forSpreadsheet(spreadsheet).onOpen().create();
    expect(trigger.getEventType()).toBe('ON_OPEN');
    expect(trigger.getTriggerSource()).toBe('SPREADSHEETS');
    expect(trigger.getTriggerSourceId()).toBe('sheet-1');
    expect(ctx.state.triggers[0]!.nextRunAt).toBeNull();
    expect(ScriptApp.getUserTriggers(spreadsheet).map((t) => t.getHandlerFunction())).toEqual(['onOpenInstalled']);
    expect(errorOf(() => ScriptApp.newTrigger('f').forSpreadsheet('sheet-1').create())).toMatch(/^The spreadsheet trigger has no event/);
    expect(errorOf(() => ScriptApp.newTrigger('f').forSpreadsheet('missing'))).toBe(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
  });
});

describe('ScriptApp project identity', () => {
  it("gives the web app's /exec URL, the script id and an opaque token", () => {
    const { ScriptApp } = setup();
    expect(ScriptApp.getService().getUrl()).toBe('http://127.0.0.1:8787/exec');
    expect(ScriptApp.getScriptId()).toHaveLength(57);
    expect(ScriptApp.getOAuthToken()).toMatch(/^ya29\./);
    expect(ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL).getAuthorizationStatus()).toBe('NOT_REQUIRED');
    expect(ScriptApp.WeekDay.SUNDAY).toBe('SUNDAY');
  });

  it('has no web app address when the script is not deployed as a web app, as Google answers null', () => {
    const { ctx, ScriptApp } = setup();
    ctx.state.webAppUrl = null;
    expect(ScriptApp.getService().getUrl()).toBeNull();
    expect(ScriptApp.getService().isEnabled()).toBe(false);
  });
});
