import { expect } from 'vitest';
import { createExecutionContext, type ExecutionContext, type ExecutionSurface } from '../../../sandbox/src/execution';
import { GoogleException } from '../../../sandbox/src/google-errors';
import { emptyWorkspace } from '../../../sandbox/src/workspace';

// What the service tests share: a fresh workspace with one execution in it, and the check that a call
// failed as Apps Script fails (an error named 'Exception' with Google's text).

/** The clock every service test starts at: 2026-11-27T05:00Z, Friday 10:00 in Asia/Karachi. */
export const NOW = new Date('2026-11-27T05:00:00Z');

export interface ServiceContextOptions extends ExecutionSurface {
  email?: string;
  scriptTimeZone?: string;
  /** Set before the execution starts, so its quotas are that account's. */
  accountType?: 'consumer' | 'workspace';
}

/** The execution 'test-exec' in an empty workspace whose clock reads NOW. */
export function serviceContext(options: ServiceContextOptions = {}): ExecutionContext {
  const { email, scriptTimeZone, accountType, ...surface } = options;
  const state = emptyWorkspace({ now: NOW, email, scriptTimeZone });
  if (accountType) state.user.accountType = accountType;
  return createExecutionContext(state, 'test-exec', surface);
}

/** The message of the Google exception `run` throws; fails the test when it throws anything else or nothing. */
export function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GoogleException);
    expect((error as Error).name).toBe('Exception');
    return (error as Error).message;
  }
  throw new Error('expected an exception');
}
