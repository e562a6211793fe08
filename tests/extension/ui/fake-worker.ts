import { vi } from 'vitest';
import { act } from 'preact/test-utils';
import type { SummaryResult } from '../../../shared/api/protocol';
import type { Enrollment, QueuedEntry, Reply, Status } from '../../../extension/messages';
import { installFakeChrome } from '../fake-chrome';

// A service worker for page tests: it answers each request with the Reply a test chooses, after
// recording it, through the fake `chrome.runtime` messaging the pages really use.

export const enrollment: Enrollment = {
  webAppUrl: 'https://script.google.com/macros/s/AKfy-demo/exec',
  cilId: 'lahore',
  volunteer: { id: 'v-ayesha', name: 'Ayesha Khan', role: 'organizer', weeklyCommitmentHours: 4 },
  cil: { id: 'lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi', minimumMinutesPresent: 5 },
  enrolledAt: '2026-11-20T09:00:00.000Z',
};

export const summary: SummaryResult = {
  volunteer: { id: 'v-ayesha', name: 'Ayesha Khan', role: 'organizer', status: 'warned' },
  cil: { id: 'lahore', name: 'CIL Lahore', timeZone: 'Asia/Karachi' },
  today: '2026-11-27',
  week: { period: '2026-W48', hours: 2.5, commitment: 4 },
  month: { period: '2026-11', hours: 12.25, commitment: 17.14 },
  recentAttendance: [
    { meetingId: 'm-1', title: 'Saturday meetup', kind: 'CIL meetup', meetCode: 'abc-defg-hij', at: '2026-11-21T13:00:00.000Z', status: 'present', minutes: 55 },
    { meetingId: 'm-0', title: 'Monthly CfP call', kind: 'monthly CfP call', at: '2026-11-03T14:00:00.000Z', status: 'absent with notice' },
  ],
  upcomingMeetings: [
    { id: 'm-2', kind: 'CIL meetup', title: 'Saturday meetup', startsAt: '2026-11-28T13:00:00.000Z', endsAt: '2026-11-28T15:00:00.000Z', meetCode: 'xyz-abcd-efg' },
    { id: 'm-3', kind: 'hack night', title: '<b>Hack</b> night', startsAt: '2026-12-02T14:00:00.000Z', endsAt: '2026-12-02T17:00:00.000Z', meetCode: 'javascript:alert(1)' },
  ],
  lastStep: { kind: 'warning', at: '2026-11-23T04:00:00.000Z' },
};

export const signedOut: Status = { enrollment: null, queue: [], sync: { state: 'signed-out' }, summary: null };

export const enrolled: Status = {
  enrollment,
  queue: [],
  sync: { state: 'idle', lastSyncAt: '2026-11-27T06:55:00.000Z' },
  summary,
  summaryAt: '2026-11-27T06:55:00.000Z',
};

export function queued(id: string, hours: number, state: QueuedEntry['state'] = 'pending', reason?: string): QueuedEntry {
  return {
    entry: { kind: 'hours', id, day: '2026-11-26', hours, category: 'research', loggedAt: '2026-11-27T06:00:00.000Z' },
    state,
    ...(reason === undefined ? {} : { reason }),
    queuedAt: '2026-11-27T06:00:00.000Z',
    attempts: state === 'pending' ? 0 : 1,
  };
}

/** The time every page test runs at: Friday 27 November 2026, 12:00 in Lahore. */
export const NOW = new Date('2026-11-27T07:00:00.000Z');

type Answer = (request: { type: string } & Record<string, unknown>) => Reply | unknown;

/**
 * Installs the fake chrome (with `permissions`, `getManifest`, an en-GB browser and a clock at NOW) and a worker that
 * answers with `answer`. `requests` lists what the page asked, in order.
 */
export function fakeWorker(answer: Answer) {
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
  const chromeFake = installFakeChrome();
  const requests: Array<{ type: string } & Record<string, unknown>> = [];
  const permissionsRequest = vi.fn(async (_: chrome.permissions.Permissions) => true);
  const getManifest = vi.fn(() => ({ options_ui: { page: 'options/index.html' } }));
  vi.stubGlobal('chrome', {
    ...chrome,
    // Pakistani English writes dates and times as British English does: 28 Nov, 18:00.
    i18n: { ...chrome.i18n, getUILanguage: () => 'en-GB' },
    permissions: { request: permissionsRequest },
    runtime: { ...chrome.runtime, getManifest },
  });
  chromeFake.fakeBrowser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    const request = message as { type: string } & Record<string, unknown>;
    requests.push(request);
    sendResponse(answer(request));
    return true;
  });
  return { ...chromeFake, requests, permissionsRequest, types: () => requests.map((request) => request.type) };
}

/** Sets a form control's value as typing would, with the event preact listens for. */
export function type(control: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, text: string) {
  act(() => {
    control.value = text;
    control.dispatchEvent(new Event(control instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Lets the page's pending promises (a reply, a re-render) settle. */
export async function settle() {
  await act(async () => {
    for (let i = 0; i < 5; i += 1) await Promise.resolve();
  });
}
