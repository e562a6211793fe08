import { describe, expect, it } from 'vitest';
import { attendanceTab } from '../../shared/records/attendance';
import { hoursTab } from '../../shared/records/hours';
import { noticesTab } from '../../shared/records/notice';
import type { TabDefinition } from '../../shared/records/tab';
import type { RunOptions } from '../../sandbox/src/runtime/sandbox';
import { webAppEvent } from '../../sandbox/src/runtime/web-app';
import { holdLock } from '../../sandbox/src/services/lock-service';
import { MEET_CODE, newApiCil, recordsOf, TOKENS, uuid, type ApiCil } from './api-fixture';

// Contention: 50 syncs that run inside one another (the sandbox runs one execution just before the
// Nth Google call of another, as two web app requests overlap in Google), some while another execution
// holds the script lock. Every inner sync replays the batch of the sync it runs inside (same ids, same
// token, with new entries of its own), as an extension's retry racing its original does, so every pair
// races on the same ids. Whatever the interleaving, every entry must end up stored exactly once: one
// row per id, and exactly one `stored` answer per id across all answers and retries; a sync that could
// not get the lock answers `lock_timeout` (retryable) and stores nothing, and the client's retry stores
// its entries.

interface Client {
  token: string;
  entries: { kind: string; id: string }[];
}

interface Response {
  ok: boolean;
  result?: { results: { id: string; status: string }[] };
  error?: { code: string; retryable: boolean };
}

/** 50 clients in pairs, then six more three deep. */
const CLIENTS = 50;
const DEEP = 6;

/** Whether client `i` runs inside the one before it: the second of a pair, the second and third of a deep three. */
const isInner = (i: number) => (i < CLIENTS ? i % 2 === 1 : (i - CLIENTS) % 3 !== 0);

function clients(): Client[] {
  const list: Client[] = [];
  for (let i = 0; i < CLIENTS + DEEP; i++) {
    const own = [
      { kind: 'hours', id: uuid(), day: '2026-11-26', hours: 1 + (i % 4), category: 'project work', note: `batch ${i}`, loggedAt: '2026-11-26T18:00:00.000Z' },
      { kind: 'attendance', id: uuid(), meetCode: MEET_CODE, joinedAt: '2026-11-26T14:00:00.000Z', leftAt: new Date(Date.parse('2026-11-26T14:05:00.000Z') + i * 60_000).toISOString() },
      { kind: 'notice', id: uuid(), noticeKind: 'communication', givenAt: '2026-11-26T09:00:00.000Z', reason: `update ${i}` },
    ];
    // An inner sync is the same extension sending its whole queue again: the outer batch, then what it
    // queued since.
    const outer = isInner(i) ? list[i - 1]! : null;
    list.push(outer ? { token: outer.token, entries: [...outer.entries, ...own] } : { token: i % 4 === 0 ? TOKENS.member : TOKENS.organizer, entries: own });
  }
  return list;
}

describe('50 syncs at once', () => {
  it('store every entry exactly once, answering lock_timeout where the lock was held too long', () => {
    const cil: ApiCil = newApiCil();
    const { sandbox } = cil;
    const all = clients();
    const answers: { client: number; response: Response }[] = [];

    const syncOf = (client: number, options: Pick<RunOptions, 'interleave'> = {}) => () => {
      const body = JSON.stringify({ v: 1, op: 'sync', cil: cil.cilId, token: all[client]!.token, entries: all[client]!.entries });
      const execution = sandbox.run('doPost', [webAppEvent({ method: 'POST', body, contentType: 'text/plain' })], {
        trigger: 'web app',
        anonymousCaller: true,
        ...options,
      });
      expect(execution.error).toBeNull();
      const response = JSON.parse((execution.value as { getContent(): string }).getContent()) as Response;
      answers.push({ client, response });
      return { response, calls: execution.meter.serviceCalls };
    };

    // How many Google calls one sync makes, so the interleavings cover every point of it.
    const probe = newApiCil();
    const probeBody = JSON.stringify({ v: 1, op: 'sync', cil: probe.cilId, token: TOKENS.member, entries: all[0]!.entries });
    const callsPerSync = probe.sandbox.run('doPost', [webAppEvent({ method: 'POST', body: probeBody })], { trigger: 'web app', anonymousCaller: true }).meter.serviceCalls;
    expect(callsPerSync).toBeGreaterThan(30);

    // Round one: 25 pairs, the second sync of each running just before the Nth call of the first, N
    // walking through the whole sync; every fifth pair while another execution holds the lock past the
    // wait, and the pair after it while one holds it briefly.
    for (let pair = 0; pair < CLIENTS / 2; pair++) {
      const outer = 2 * pair;
      const inner = outer + 1;
      const afterCalls = 1 + Math.floor((pair * callsPerSync) / (CLIENTS / 2 - 1));
      const now = sandbox.state.clock.getTime();
      if (pair % 5 === 0) holdLock(sandbox.state, 'script', 'another-execution', new Date(now + 30_000));
      if (pair % 5 === 1) holdLock(sandbox.state, 'script', 'another-execution', new Date(now + 3_000));
      syncOf(outer, { interleave: { afterCalls, run: () => void syncOf(inner)() } })();
      // The other execution is done by the next pair.
      sandbox.advance(60_000);
    }
    // Three deep: a sync inside a sync inside a sync, under the lock and before it.
    const deep = (first: number, atOuter: number, atMiddle: number) =>
      syncOf(first, { interleave: { afterCalls: atOuter, run: () => void syncOf(first + 1, { interleave: { afterCalls: atMiddle, run: () => void syncOf(first + 2)() } })() } })();
    deep(CLIENTS, 5, 20);
    deep(CLIENTS + 3, 20, 5);

    // Every answer is a sync result or a retryable lock timeout: nothing else.
    for (const { response } of answers) {
      if (response.ok) continue;
      expect(response.error).toMatchObject({ code: 'lock_timeout', retryable: true });
    }
    const timedOut = answers.filter(({ response }) => !response.ok).length;
    // Both happened, many times: syncs that waited their turn and syncs that gave up.
    expect(timedOut).toBeGreaterThanOrEqual(10);
    expect(answers.length - timedOut).toBeGreaterThanOrEqual(10);

    // The clients retry what timed out, and send what never got its turn (an inner sync set to run at
    // a call its outer one, refused the lock early, never reached).
    const answered = new Set(answers.filter(({ response }) => response.ok).map(({ client }) => client));
    for (let client = 0; client < all.length; client++) {
      if (!answered.has(client)) expect(syncOf(client)().response.ok).toBe(true);
    }

    // Exactly once: one row per id, one `stored` answer per id, and never a different answer for an id
    // that was stored before.
    const wanted = new Map<string, string>();
    for (const client of all) for (const entry of client.entries) wanted.set(entry.id, entry.kind);
    const idsIn = (tab: TabDefinition) => recordsOf(cil, tab).map((row) => (row as { id: string }).id);
    const rows = [...idsIn(hoursTab), ...idsIn(attendanceTab), ...idsIn(noticesTab)];
    expect(rows.length).toBe(new Set(rows).size);
    expect(new Set(rows)).toEqual(new Set(wanted.keys()));
    expect(idsIn(hoursTab)).toHaveLength(CLIENTS + DEEP);

    const storedAnswers = new Map<string, number>();
    for (const { response } of answers) {
      for (const result of response.result?.results ?? []) {
        expect(['stored', 'duplicate']).toContain(result.status);
        if (result.status === 'stored') storedAnswers.set(result.id, (storedAnswers.get(result.id) ?? 0) + 1);
      }
    }
    expect(storedAnswers.size).toBe(wanted.size);
    expect([...storedAnswers.values()].every((count) => count === 1)).toBe(true);
    expect(sandbox.state.locks.script).toBeNull();
  });
});
