import { describe, expect, it } from 'vitest';
import { GoogleException } from '../../../sandbox/src/google-errors';
import { createLockService, holdLock, releaseLocksOf } from '../../../sandbox/src/services/lock-service';
import { NOW, serviceContext } from './service-context';

const start = NOW;
const setup = (activeSpreadsheetId: string | null = null) => {
  const ctx = serviceContext({ activeSpreadsheetId });
  return { ctx, LockService: createLockService(ctx) };
};
const elapsed = (ctx: { now(): Date }) => ctx.now().getTime() - start.getTime();

describe('LockService', () => {
  it('acquires a free lock at once, records the hold, and is reentrant for the same execution', () => {
    const { ctx, LockService } = setup();
    const lock = LockService.getScriptLock();
    expect(lock.hasLock()).toBe(false);
    lock.waitLock(10_000);
    expect(lock.hasLock()).toBe(true);
    expect(ctx.state.locks.script?.holder).toBe('test-exec');
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(elapsed(ctx)).toBe(0);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(ctx.state.locks.script).toBeNull();
  });

  it('waitLock throws the lock timeout after advancing the clock by exactly the timeout while another holds it', () => {
    const { ctx, LockService } = setup();
    holdLock(ctx.state, 'script', 'another-execution', new Date(start.getTime() + 60_000));
    const lock = LockService.getScriptLock();
    let thrown: unknown;
    try {
      lock.waitLock(30_000);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GoogleException);
    expect((thrown as Error).message).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(elapsed(ctx)).toBe(30_000);
    expect(lock.hasLock()).toBe(false);
    expect(ctx.state.locks.script?.holder).toBe('another-execution');
  });

  it('waitLock succeeds when the other hold ends within the timeout, having waited until then', () => {
    const { ctx, LockService } = setup();
    holdLock(ctx.state, 'script', 'another-execution', new Date(start.getTime() + 4_000));
    const lock = LockService.getScriptLock();
    lock.waitLock(10_000);
    expect(elapsed(ctx)).toBe(4_000);
    expect(lock.hasLock()).toBe(true);
    expect(ctx.state.locks.script?.holder).toBe('test-exec');
  });

  it('tryLock answers false after its timeout instead of throwing', () => {
    const { ctx, LockService } = setup();
    holdLock(ctx.state, 'script', 'another-execution', new Date(start.getTime() + 60_000));
    expect(LockService.getScriptLock().tryLock(500)).toBe(false);
    expect(elapsed(ctx)).toBe(500);
  });

  it('treats an expired hold as free', () => {
    const { ctx, LockService } = setup();
    holdLock(ctx.state, 'script', 'another-execution', start);
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
  });

  it('keeps script and user locks apart; no document lock outside a document', () => {
    const { ctx, LockService } = setup();
    holdLock(ctx.state, 'user', 'another-execution', new Date(start.getTime() + 60_000));
    expect(LockService.getScriptLock().tryLock(0)).toBe(true);
    expect(LockService.getUserLock().tryLock(0)).toBe(false);
    expect(LockService.getDocumentLock()).toBeNull();
    expect(setup('sheet-1').LockService.getDocumentLock()!.tryLock(0)).toBe(true);
  });

  it('refuses a negative timeout', () => {
    const { LockService } = setup();
    expect(() => LockService.getScriptLock().waitLock(-1)).toThrow('Invalid argument: timeoutInMillis');
  });

  it("releaseLocksOf frees only that execution's holds (the runtime calls it when an execution ends)", () => {
    const { ctx, LockService } = setup('sheet-1');
    LockService.getScriptLock().waitLock(0);
    LockService.getDocumentLock()!.waitLock(0);
    holdLock(ctx.state, 'user', 'another-execution', new Date(start.getTime() + 60_000));
    releaseLocksOf(ctx.state, 'test-exec');
    expect(ctx.state.locks.script).toBeNull();
    expect(ctx.state.locks.document['sheet-1']).toBeNull();
    expect(ctx.state.locks.user?.holder).toBe('another-execution');
  });
});
