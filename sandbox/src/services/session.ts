import { createHash } from 'node:crypto';
import type { ExecutionContext } from '../execution';

// developers.google.com/apps-script/reference/base/session
// The sandbox has one person: the state's user, who both runs the script and owns it. So
// getActiveUser() and getEffectiveUser() are the same user. (In Google, a web app run as the
// deployer reports an empty active-user email to anonymous callers and, across consumer accounts,
// to anyone but the deployer; CIL Hub identifies callers by enrollment token, never by Session.)

/** A Google account as Session and Drive (editors, viewers, owner) hand it out. */
export class User {
  #email: string;

  constructor(email: string) {
    this.#email = email;
  }

  getEmail(): string {
    return this.#email;
  }

  getDomain(): string {
    return this.#email.split('@')[1] ?? '';
  }

  /** The sandbox has no profiles: a person's name is the local part of their address. */
  getName(): string {
    return this.#email.split('@')[0] ?? '';
  }
}

export function createSession(ctx: ExecutionContext) {
  return {
    getActiveUser: () => new User(ctx.state.user.email),
    getEffectiveUser: () => new User(ctx.state.user.email),
    getScriptTimeZone: () => ctx.state.scriptTimeZone,
    /** "the language setting of the current user as a string—for example, en" */
    getActiveUserLocale: () => 'en',
    /** Opaque and stable per user (Google rotates it every 30 days; the sandbox never does). */
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`temporary-key:${ctx.state.user.email}`).digest('base64url').slice(0, 43),
  };
}
