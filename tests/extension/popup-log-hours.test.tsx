import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { HOURS_CATEGORIES } from '../../shared/records/hours';
import type { HoursSyncEntry } from '../../shared/api/sync-entry';
import type { QueuedEntry, Status } from '../../extension/messages';
import { Popup } from '../../extension/popup/Popup';
import { mountOnePerTest } from './render';
import { enrolled, fakeWorker, queued, settle, type } from './ui/fake-worker';

// The popup's "Log hours" form: today in the CIL's zone, inline messages from the same schema the
// service worker uses (and the web app's date limits), one `log-hours` per submit, and the queued
// entry shown from the worker's reply.

const show = mountOnePerTest();

const ENTRY_ID = '7d0f3c2e-2f55-4c43-9d6a-0b8f1e7a9c11';

/** A worker that queues each logged entry and answers with the queue, as the real one does. */
function queueingWorker(status: Status = enrolled) {
  let current = status;
  return fakeWorker((request) => {
    if (request.type === 'log-hours') {
      const hours = request.hours as Pick<HoursSyncEntry, 'day' | 'hours' | 'category'>;
      const base = queued(ENTRY_ID, hours.hours);
      const entry: QueuedEntry = { ...base, entry: { ...(base.entry as HoursSyncEntry), ...hours } };
      current = { ...current, queue: [...current.queue, entry] };
    }
    return { ok: true, status: current };
  });
}

async function openForm() {
  const { container } = show(<Popup />);
  await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull());
  const field = <T extends Element>(name: string) => container.querySelector<T>(`#hours-${name}`)!;
  const form = {
    container,
    form: container.querySelector('form')!,
    day: field<HTMLInputElement>('day'),
    hours: field<HTMLInputElement>('hours'),
    category: field<HTMLSelectElement>('category'),
    project: field<HTMLInputElement>('projectId'),
    note: field<HTMLTextAreaElement>('note'),
    submit: container.querySelector<HTMLButtonElement>('form button[type="submit"]')!,
    problem: (name: string) => container.querySelector(`#hours-${name}-problem`)?.textContent,
    async send() {
      act(() => form.submit.click());
      await settle();
    },
  };
  return form;
}

describe('Log hours in the popup', () => {
  it('labels every field and starts on today in the CIL, not on this computer', async () => {
    // 20:00 UTC on the 27th is already 01:00 on the 28th in Lahore.
    queueingWorker();
    vi.setSystemTime(new Date('2026-11-27T20:00:00.000Z'));
    const form = await openForm();
    for (const [control, label] of [
      [form.day, 'Date'],
      [form.hours, 'Hours'],
      [form.category, 'Category'],
      [form.project, 'Project ID (optional)'],
      [form.note, 'Note (optional)'],
    ] as const) {
      expect(form.container.querySelector(`label[for="${control.id}"]`)?.textContent).toBe(label);
    }
    expect(form.day.value).toBe('2026-11-28');
    expect(form.day.max).toBe('2026-11-29');
    expect([...form.category.options].map((option) => option.value)).toEqual(['', ...HOURS_CATEGORIES]);
    expect(form.category.options[0]!.textContent).toBe('Choose a category');
  });

  it('sends one log-hours with the typed entry and shows it queued at once', async () => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.day, '2026-11-26');
    type(form.hours, '2.5');
    type(form.category, 'research');
    type(form.note, '  ');
    await form.send();

    await vi.waitFor(() => expect(worker.types()).toEqual(['status', 'log-hours']));
    // An empty optional field is left out, not sent as '' (which the schema would refuse).
    expect(worker.requests[1]).toEqual({ type: 'log-hours', hours: { day: '2026-11-26', hours: 2.5, category: 'research' } });
    const done = form.container.querySelector('.hours-form [role="status"]');
    expect(done?.textContent).toBe("Logged 2.5 h of Research on Thu 26 Nov. It goes to your CIL's sheet as soon as CIL Hub reaches it.");
    const queue = form.container.querySelector('section[aria-labelledby="queue"]')!;
    expect(queue.querySelector('h2')?.textContent).toBe("Not yet in your CIL's sheet (1)");
    expect(queue.querySelector('.item-title')?.textContent).toBe('2.5 h of Research on Thu 26 Nov');
    expect(queue.textContent).toContain('Waiting to be sent');
    // Ready for the next entry of the same kind: hours and note cleared, day and category kept.
    expect([form.day.value, form.hours.value, form.category.value, form.note.value]).toEqual(['2026-11-26', '', 'research', '']);
  });

  it('sends a project and a note when they are given', async () => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.hours, '1');
    type(form.category, 'project work');
    type(form.project, 'p-1a2b3c4d');
    type(form.note, 'Bus stop data cleanup');
    await form.send();
    await vi.waitFor(() => expect(worker.requests[1]).toEqual({
      type: 'log-hours',
      hours: { day: '2026-11-27', hours: 1, category: 'project work', projectId: 'p-1a2b3c4d', note: 'Bus stop data cleanup' },
    }));
  });

  it.each([
    ['empty', '', 'Hours must be a number.'],
    ['zero', '0', 'Hours must be more than 0.'],
    ['negative', '-1', 'Hours must be more than 0.'],
    ['more than a day', '25', 'Hours must be at most 24.'],
  ])('refuses %s hours with the schema\'s message, on the field, and sends nothing', async (_, hours, message) => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.category, 'research');
    type(form.hours, hours);
    await form.send();
    expect(form.problem('hours')).toBe(message);
    expect(form.hours.getAttribute('aria-invalid')).toBe('true');
    expect(form.hours.getAttribute('aria-describedby')).toBe('hours-hours-problem');
    expect(document.activeElement).toBe(form.hours);
    expect(worker.types()).toEqual(['status']);
  });

  it('refuses a day after tomorrow in the CIL, as the web app would, and takes tomorrow', async () => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.hours, '2');
    type(form.category, 'research');
    type(form.day, '2026-11-29');
    await form.send();
    expect(form.problem('day')).toBe('Date must not be later than Sat 28 Nov.');
    expect(document.activeElement).toBe(form.day);
    expect(worker.types()).toEqual(['status']);

    // A volunteer east of the CIL may already be on its tomorrow.
    type(form.day, '2026-11-28');
    expect(form.problem('day')).toBeUndefined();
    await form.send();
    await vi.waitFor(() => expect(worker.types()).toEqual(['status', 'log-hours']));
  });

  it('refuses a day more than a year back, and a day that is not a date', async () => {
    queueingWorker();
    const form = await openForm();
    type(form.hours, '2');
    type(form.category, 'research');
    type(form.day, '2025-11-25');
    await form.send();
    expect(form.problem('day')).toBe('Date must be Wed 26 Nov or later; ask your CIL lead to add older hours in the sheet.');
    type(form.day, '');
    expect(form.problem('day')).toBe('Date must be a real date written YYYY-MM-DD.');
  });

  it('asks for a category when none is chosen', async () => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.hours, '2');
    await form.send();
    // The categories as the volunteer's language names them, not the sheet's words.
    expect(form.problem('category')).toBe('Category must be one of: Project work, Meetings, Events, Outreach, Research, Writing & reporting, Mentoring, Learning, Other.');
    expect(form.category.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(form.category);
    expect(worker.types()).toEqual(['status']);
  });

  it('refuses a project id the Hours tab would not take, alongside other problems', async () => {
    queueingWorker();
    const form = await openForm();
    type(form.category, 'project work');
    type(form.project, 'Transit map');
    await form.send();
    expect(form.problem('projectId')).toBe('Project ID must be letters, digits and - _ . : with no spaces.');
    expect(form.problem('hours')).toBe('Hours must be a number.');
    expect(form.project.getAttribute('aria-describedby')).toBe('hours-projectId-problem hours-projectId-hint');
  });

  it('shows every problem at once, focuses the first, and drops each as soon as it is fixed', async () => {
    queueingWorker();
    const form = await openForm();
    type(form.hours, '30');
    await form.send();
    expect([form.problem('hours'), form.problem('category')]).toEqual(['Hours must be at most 24.', expect.stringContaining('Category must be one of')]);
    expect(document.activeElement).toBe(form.hours);
    type(form.hours, '3');
    expect(form.problem('hours')).toBeUndefined();
    expect(form.hours.getAttribute('aria-invalid')).toBe('false');
    expect(form.problem('category')).toContain('Category must be one of');
  });

  it('does not check a field while it is first being filled in', async () => {
    queueingWorker();
    const form = await openForm();
    type(form.hours, '30');
    expect(form.problem('hours')).toBeUndefined();
  });

  it('submits from the keyboard: the form is submitted, not a button clicked', async () => {
    const worker = queueingWorker();
    const form = await openForm();
    type(form.hours, '1.25');
    type(form.category, 'learning');
    // What Enter in a field does (implicit submission); happy-dom has no key handling of its own.
    form.hours.focus();
    act(() => form.form.requestSubmit());
    await settle();
    await vi.waitFor(() => expect(worker.types()).toEqual(['status', 'log-hours']));
  });

  it('queues one entry when submitted twice before the worker answers', async () => {
    let answer!: () => void;
    const worker = queueingWorker();
    const listener = worker.fakeBrowser.runtime.onMessage;
    listener.removeAllListeners();
    listener.addListener((message, _sender, sendResponse) => {
      worker.requests.push(message as { type: string });
      if ((message as { type: string }).type === 'log-hours') answer = () => sendResponse({ ok: true, status: enrolled });
      else sendResponse({ ok: true, status: enrolled });
      return true;
    });
    const form = await openForm();
    type(form.hours, '2');
    type(form.category, 'research');
    await form.send();
    await form.send();
    expect(worker.types()).toEqual(['status', 'log-hours']);
    answer();
    await settle();
  });

  it('shows the worker\'s message when the entry could not be queued, and keeps what was typed', async () => {
    const worker = fakeWorker((request) =>
      request.type === 'log-hours' ? { ok: false, message: 'This browser is not enrolled.' } : { ok: true, status: enrolled },
    );
    const form = await openForm();
    type(form.hours, '2');
    type(form.category, 'research');
    await form.send();
    await vi.waitFor(() => expect(form.container.querySelector('.hours-form [role="alert"]')?.textContent).toBe('This browser is not enrolled.'));
    expect(form.hours.value).toBe('2');
    expect(worker.types()).toEqual(['status', 'log-hours']);
  });
});
