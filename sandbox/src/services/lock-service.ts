import type { ExecutionContext } from '../execution';
import type { LockHoldState, WorkspaceState } from '../workspace';
import { fail, googleErrors } from '../google-errors';

// LockService (developers.google.com/apps-script/reference/lock). Executions run one at a time in the
// sandbox, so "another execution holds the lock" is a hold in `state.locks` by another holder until a
// time (set up by a test or the CLI with `holdLock`). Waiting is simulated: the clock moves forward to
// the moment the other hold ends, or by the whole timeout when it does not end in time.

type LockScope = { kind: 'script' } | { kind: 'user' } | { kind: 'document'; documentId: string };

function holdOf(state: WorkspaceState, scope: LockScope): LockHoldState | null {
  switch (scope.kind) {
    case 'script':
      return state.locks.script;
    case 'user':
      return state.locks.user;
    case 'document':
      return state.locks.document[scope.documentId] ?? null;
  }
}

function setHold(state: WorkspaceState, scope: LockScope, hold: LockHoldState | null): void {
  switch (scope.kind) {
    case 'script':
      state.locks.script = hold;
      return;
    case 'user':
      state.locks.user = hold;
      return;
    case 'document':
      state.locks.document[scope.documentId] = hold;
  }
}

export class Lock {
  readonly #ctx: ExecutionContext;
  readonly #scope: LockScope;
  /** hasLock() is about this Lock object: false until it acquired the lock (the reference's wording). */
  #acquired = false;

  constructor(ctx: ExecutionContext, scope: LockScope) {
    this.#ctx = ctx;
    this.#scope = scope;
  }

  #heldByOther(): LockHoldState | null {
    const hold = holdOf(this.#ctx.state, this.#scope);
    if (!hold || hold.holder === this.#ctx.executionId || hold.until.getTime() <= this.#ctx.now().getTime()) return null;
    return hold;
  }

  /** Waits up to `timeout` ms for the lock; true when acquired. The clock moves by the time waited. */
  #acquire(timeout: unknown): boolean {
    if (typeof timeout !== 'number' || !Number.isFinite(timeout) || timeout < 0) {
      fail(googleErrors.invalidArgument('timeoutInMillis'));
    }
    const other = this.#heldByOther();
    if (other) {
      const wait = other.until.getTime() - this.#ctx.now().getTime();
      if (wait > timeout) {
        this.#ctx.advance(timeout);
        return false;
      }
      this.#ctx.advance(wait);
    }
    // Held until the execution ends (the runtime then calls releaseLocksOf); no execution outlives 6 minutes.
    const until = new Date(this.#ctx.now().getTime() + this.#ctx.quotas.executionMillis);
    setHold(this.#ctx.state, this.#scope, { holder: this.#ctx.executionId, until });
    this.#acquired = true;
    return true;
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.#acquire(timeoutInMillis);
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.#acquire(timeoutInMillis)) fail(googleErrors.lockTimeout());
  }

  hasLock(): boolean {
    const hold = holdOf(this.#ctx.state, this.#scope);
    return (
      this.#acquired &&
      hold !== null &&
      hold.holder === this.#ctx.executionId &&
      hold.until.getTime() > this.#ctx.now().getTime()
    );
  }

  releaseLock(): void {
    const hold = holdOf(this.#ctx.state, this.#scope);
    if (hold?.holder === this.#ctx.executionId) setHold(this.#ctx.state, this.#scope, null);
    this.#acquired = false;
  }
}

export function createLockService(ctx: ExecutionContext) {
  return {
    getScriptLock(): Lock {
      return new Lock(ctx, { kind: 'script' });
    },

    getUserLock(): Lock {
      return new Lock(ctx, { kind: 'user' });
    },

    /** The lock of the document the script is bound to; null outside one, as Google returns. */
    getDocumentLock(): Lock | null {
      const documentId = ctx.activeSpreadsheetId;
      return documentId === null ? null : new Lock(ctx, { kind: 'document', documentId });
    },
  };
}

/** Frees every lock `executionId` still holds: the runtime calls it when an execution ends. */
export function releaseLocksOf(state: WorkspaceState, executionId: string): void {
  if (state.locks.script?.holder === executionId) state.locks.script = null;
  if (state.locks.user?.holder === executionId) state.locks.user = null;
  for (const [documentId, hold] of Object.entries(state.locks.document)) {
    if (hold?.holder === executionId) state.locks.document[documentId] = null;
  }
}

/** Makes another execution hold a lock until `until` (tests and the CLI: a concurrent web-app write). */
export function holdLock(state: WorkspaceState, scope: 'script' | 'user', holder: string, until: Date): void {
  setHold(state, { kind: scope }, { holder, until: new Date(until.getTime()) });
}
