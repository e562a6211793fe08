import { describe, expect, it } from 'vitest';
import { hoursTab } from '../../shared/records/hours';
import type { Volunteer } from '../../shared/records/volunteer';
import { newSandbox } from './built-bundle';
import { NOW, newApiCil, post, recordsOf, sha256, TOKENS, uuid } from './api-fixture';

// One deployment serving two CILs, as CfP's national team may run it: each request names its CIL, a
// token counts only in the CIL whose roster holds its hash, and each CIL's entries land in its own
// spreadsheet.

const KARACHI_TOKEN = 'karachi-token-0123456789abcdef0123';
const KARACHI: Volunteer[] = [
  { id: 'v-1', name: 'Hira Baig', email: 'hira@example.org', role: 'organizer', status: 'active', joinedOn: '2026-02-01', tokenHash: sha256(KARACHI_TOKEN), tokenIssuedAt: '2026-02-01T10:00:00.000Z' },
];

const hours = (note: string) => ({ kind: 'hours', id: uuid(), day: '2026-11-26', hours: 2, category: 'outreach', note, loggedAt: '2026-11-26T10:00:00.000Z' });

describe('one deployment, two CILs', () => {
  const sandbox = newSandbox(NOW);
  const lahore = newApiCil(sandbox, 'CIL Lahore');
  const karachi = newApiCil(sandbox, 'CIL Karachi', KARACHI);

  it('are registered side by side, each with its own spreadsheet', () => {
    expect([lahore.cilId, karachi.cilId]).toEqual(['cil-lahore', 'cil-karachi']);
    expect(lahore.spreadsheetId).not.toBe(karachi.spreadsheetId);
  });

  it("refuse one CIL's token sent with the other CIL's id, both ways, storing nothing", () => {
    const before = JSON.stringify(sandbox.state.spreadsheets);

    const lahoreTokenToKarachi = post(karachi, { op: 'sync', token: TOKENS.organizer, entries: [hours('wrong door')] });
    const karachiTokenToLahore = post(lahore, { op: 'enroll', token: KARACHI_TOKEN });

    expect(lahoreTokenToKarachi.json.error?.code).toBe('unknown_token');
    expect(karachiTokenToLahore.json.error?.code).toBe('unknown_token');
    expect(JSON.stringify(sandbox.state.spreadsheets)).toBe(before);
  });

  it("store each CIL's sync in its own spreadsheet, for its own volunteer of the same ID", () => {
    const inLahore = post(lahore, { op: 'sync', token: TOKENS.organizer, entries: [hours('Lahore work')] });
    const inKarachi = post(karachi, { op: 'sync', token: KARACHI_TOKEN, entries: [hours('Karachi work')] });

    expect(inLahore.json.result.results[0].status).toBe('stored');
    expect(inKarachi.json.result.results[0].status).toBe('stored');
    expect(recordsOf(lahore, hoursTab).map((row) => [row.volunteerId, row.note])).toEqual([['v-1', 'Lahore work']]);
    expect(recordsOf(karachi, hoursTab).map((row) => [row.volunteerId, row.note])).toEqual([['v-1', 'Karachi work']]);
    expect(post(karachi, { op: 'enroll', token: KARACHI_TOKEN }).json.result.cil).toMatchObject({ id: 'cil-karachi', name: 'CIL Karachi' });
  });
});
