import { describe, expect, it } from 'vitest';
import { buttonOf, clickOk, costOf, openCard, setUpDemo } from './card-fixture';

// "Turn on schedule" from the card (issue 6 asks for it in the menu and on the card): the same two
// triggers as the menu item, never a second set, and the card then offers "Turn off schedule".

const scheduleTriggers = (demo: ReturnType<typeof setUpDemo>) =>
  demo.sandbox.state.triggers.filter((trigger) => ['runDailyCheck', 'runWeeklyTasks'].includes(trigger.handler)).map((trigger) => trigger.handler).sort();

describe('the schedule on the card', () => {
  it('turns the schedule on once, however often it is clicked, and off again', () => {
    const demo = setUpDemo();
    const panel = openCard(demo);
    expect(() => buttonOf(panel, 'Turn off schedule')).toThrow();

    const on = clickOk(panel, buttonOf(panel, 'Turn on schedule'));
    expect(scheduleTriggers(demo)).toEqual(['runDailyCheck', 'runWeeklyTasks']);
    expect(panel.notifications.at(-1)).toMatch(/^The daily check runs every day in the hour after \d+:00 \(Asia\/Karachi/);
    expect(costOf(on).simulatedMs).toBeLessThan(10_000);

    // The updated card offers the other button.
    expect(() => buttonOf(panel, 'Turn on schedule')).toThrow();
    clickOk(panel, buttonOf(panel, 'Turn off schedule'));
    expect(scheduleTriggers(demo)).toEqual([]);
    expect(panel.notifications.at(-1)).toBe('The daily check and the weekly tasks no longer run.');

    // A second lead's card, opened while it was off, turns it on again after the first: replaced, never a second set.
    const other = openCard(demo);
    clickOk(panel, buttonOf(panel, 'Turn on schedule'));
    clickOk(other, buttonOf(other, 'Turn on schedule'));
    expect(scheduleTriggers(demo)).toEqual(['runDailyCheck', 'runWeeklyTasks']);
  });
});
