import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { SettingsView, Status } from '../../extension/messages';
import { Options } from '../../extension/options/Options';
import { mountOnePerTest } from './render';
import { enrolled, fakeWorker, settle, type } from './ui/fake-worker';

// The options page's "Reminders and Meet": the settings in effect, from the status, in labelled
// controls; saved with `save-settings` through the service worker, whose reply shows what is saved.
// Minutes typed out of range get a translated message under their field, and nothing is sent.

const show = mountOnePerTest();

const SETTINGS: SettingsView = {
  rejoinMergeMinutes: 5,
  weeklyReminder: true,
  weeklyReminderWeekday: 5,
  weeklyReminderHour: 18,
  quietHoursStart: 21,
  quietHoursEnd: 8,
  meetingReminderMinutes: 30,
};

/** A worker that keeps the settings it is sent, as the real one does. */
function settingsWorker() {
  let current: Status = { ...enrolled, settings: SETTINGS };
  return fakeWorker((request) => {
    if (request.type === 'save-settings') {
      const { minimumSessionMinutes, ...rest } = request.settings as Record<string, number | boolean | null>;
      const { minimumSessionMinutes: _, ...kept } = { ...current.settings!, ...rest } as SettingsView;
      current = { ...current, settings: minimumSessionMinutes === null || minimumSessionMinutes === undefined ? kept : { ...kept, minimumSessionMinutes: minimumSessionMinutes as number } };
    }
    return { ok: true, status: current };
  });
}

async function openSettings() {
  const { container } = show(<Options />);
  await vi.waitFor(() => expect(container.querySelector('#settings')).not.toBeNull());
  const labelled = (text: string) => {
    const label = [...container.querySelectorAll('label')].find((candidate) => candidate.textContent?.trim() === text);
    if (!label) throw new Error(`no label "${text}"`);
    return (label.htmlFor ? container.querySelector(`#${label.htmlFor}`) : label.querySelector('input')) as HTMLInputElement & HTMLSelectElement;
  };
  const save = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Save settings')!;
  return {
    container,
    labelled,
    async save() {
      act(() => save.click());
      await settle();
    },
  };
}

describe('Reminders and Meet on the options page', () => {
  it('shows the settings in effect in labelled controls, with weekdays and times named', async () => {
    settingsWorker();
    const { container, labelled } = await openSettings();
    expect(container.querySelector('#settings')?.textContent).toBe('Reminders and Meet');
    expect(labelled('Remind me when my hours for the week lag my commitment').checked).toBe(true);
    const day = labelled('Day');
    expect(day.selectedOptions[0]?.textContent).toBe('Friday');
    expect([...day.options].map((option) => option.textContent)).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
    expect(labelled('Time').selectedOptions[0]?.textContent).toBe('18:00');
    expect(labelled('From').value).toBe('21');
    expect(labelled('Until').value).toBe('8');
    expect(labelled('Meeting reminder (minutes before)').value).toBe('30');
    expect(labelled('Shortest Meet session to count (minutes)').value).toBe('');
    expect(container.textContent).toContain("Leave empty to use your CIL's: 5 minutes.");
    expect(labelled('Rejoin window (minutes)').value).toBe('5');
  });

  it('saves every setting through the service worker, blank minimum as the CIL one, and says so', async () => {
    const worker = settingsWorker();
    const { container, labelled, save } = await openSettings();
    type(labelled('Day'), '1');
    type(labelled('Time'), '9');
    type(labelled('From'), '22');
    type(labelled('Until'), '7');
    type(labelled('Meeting reminder (minutes before)'), '15');
    type(labelled('Rejoin window (minutes)'), '2.5');
    act(() => labelled('Remind me when my hours for the week lag my commitment').click());
    await save();
    expect(worker.requests.at(-1)).toEqual({
      type: 'save-settings',
      settings: {
        weeklyReminder: false,
        weeklyReminderWeekday: 1,
        weeklyReminderHour: 9,
        quietHoursStart: 22,
        quietHoursEnd: 7,
        meetingReminderMinutes: 15,
        minimumSessionMinutes: null,
        rejoinMergeMinutes: 2.5,
      },
    });
    await vi.waitFor(() => expect(container.querySelector('.settings-form [role="status"]')?.textContent).toBe('Settings saved.'));
    expect(labelled('Day').value).toBe('1');
  });

  it('tells what is wrong with minutes out of range, under the field, focuses it, and sends nothing', async () => {
    const worker = settingsWorker();
    const { container, labelled, save } = await openSettings();
    type(labelled('Meeting reminder (minutes before)'), '241');
    type(labelled('Shortest Meet session to count (minutes)'), '-1');
    await save();
    expect(worker.types()).not.toContain('save-settings');
    const lead = labelled('Meeting reminder (minutes before)');
    expect(lead.getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector(`#${lead.id}-problem`)?.textContent).toBe('Meeting reminder (minutes before) must be a whole number from 0 to 240.');
    const minimum = labelled('Shortest Meet session to count (minutes)');
    expect(container.querySelector(`#${minimum.id}-problem`)?.textContent).toBe('Shortest Meet session to count (minutes) must be a number from 0 to 600.');
    expect(lead.getAttribute('aria-describedby')).toContain(`${lead.id}-problem`);
    expect(document.activeElement).toBe(lead);
  });
});
