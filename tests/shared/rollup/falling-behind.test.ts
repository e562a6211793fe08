import { describe, expect, it } from 'vitest';
import { fallingBehindList, type CilRollup } from '../../../shared/rollup';

const rollup = (cilId: string, cilName: string, change: Partial<CilRollup> = {}): CilRollup => ({
  cilId,
  cilName,
  today: '2026-11-19',
  quarter: '2026-Q4',
  rows: [],
  counts: { volunteers: 0, tracked: 0, active: 0, atRisk: 0, inactive: 0, onLeave: 0, newMembers: 0 },
  fallingBehind: false,
  reasons: [],
  checkInDue: false,
  ...change,
});

describe('the "Falling behind" list', () => {
  const behind = (summary: string) => ({ fallingBehind: true, reasons: [{ code: 'no CfP call' as const, period: '2026-10', summary }, { code: 'behind on most KPIs' as const, period: '2026-Q3', summary: 'Behind on 5 of 8 KPIs.' }] });

  it('lists the CILs falling behind by name, each reason a line, with its check-in; then the CILs not read', () => {
    const list = fallingBehindList(
      [
        rollup('cil-q', 'CIL Quetta', { ...behind('No monthly CfP call in 2026-10.'), checkIn: { eventId: 'a-1', status: 'sent', at: '2026-11-19T05:00:00.000Z', by: 'national rollup' } }),
        rollup('cil-k', 'CIL Karachi'),
        rollup('cil-b', 'CIL Bahawalpur', behind('No monthly CfP call in 2026-10.')),
      ],
      [{ cilId: 'cil-z', name: 'CIL Zhob', problem: 'The "Hours" tab is missing.' }],
      new Map([['cil-q', 'https://docs.google.com/spreadsheets/d/q']]),
    );
    expect(list).toEqual([
      { cilId: 'cil-b', cilName: 'CIL Bahawalpur', quarter: '2026-Q4', state: 'falling behind', reasons: 'No monthly CfP call in 2026-10.\nBehind on 5 of 8 KPIs.' },
      {
        cilId: 'cil-q',
        cilName: 'CIL Quetta',
        quarter: '2026-Q4',
        state: 'falling behind',
        reasons: 'No monthly CfP call in 2026-10.\nBehind on 5 of 8 KPIs.',
        checkIn: 'a-1 (sent, by national rollup, 2026-11-19)',
        spreadsheet: 'https://docs.google.com/spreadsheets/d/q',
      },
      { cilId: 'cil-z', cilName: 'CIL Zhob', state: 'not read', reasons: 'The "Hours" tab is missing.' },
    ]);
  });

  it('is empty when every CIL keeps up', () => {
    expect(fallingBehindList([rollup('cil-k', 'CIL Karachi')], [])).toEqual([]);
  });
});
