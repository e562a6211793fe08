import { describe, expect, it } from 'vitest';
import { demoCil } from '../../bench/accountability';
import { builtBundle } from './built-bundle';

// The daily check reads each tab once and writes once per CIL, so what it costs in Google calls does
// not grow with the CIL's history: the demo CIL with two more years of meetings, attendance, notices,
// hours and deliverables (the benchmark's workspace) takes exactly the calls it takes without them.

function dailyRunCalls(longHistory: boolean) {
  const { sandbox } = demoCil(builtBundle(), longHistory);
  const result = sandbox.run('runDailyCheck', []);
  expect(result.error).toBeNull();
  const steps = (result.value as { checked: { steps: unknown[] }[] }).checked[0]!.steps.length;
  return { calls: result.meter.serviceCalls, callsByMethod: result.meter.callsByMethod, cellsRead: result.meter.cellsRead, steps };
}

describe('the daily check over a long history', () => {
  it('makes the same Google calls with two years of history as with eight weeks, reading more cells only', () => {
    const short = dailyRunCalls(false);
    const long = dailyRunCalls(true);
    expect(long.steps).toBe(short.steps);
    expect(long.callsByMethod).toEqual(short.callsByMethod);
    expect(long.calls).toBe(short.calls);
    expect(long.cellsRead).toBeGreaterThan(short.cellsRead * 5);
  }, 120_000);
});
