import { createHash } from 'node:crypto';
import type { ExecutionContext } from '../execution';

// developers.google.com/apps-script/reference/base/session
// The sandbox has one account: the state's user, who owns the script and runs it from the
// spreadsheet, menus and triggers. A web app deployed to execute as the deployer and open to anyone
// does not learn who calls it: there getActiveUser().getEmail() is '' ("If security policies do not
// allow access to the user's identity, User.getEmail() returns a blank string"), while
// getEffectiveUser() is the deployer. CIL Hub identifies callers by enrollment token, never by Session.

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
    getActiveUser: () => new User(ctx.anonymousCaller ? '' : ctx.state.user.email),
    getEffectiveUser: () => new User(ctx.state.user.email),
    getScriptTimeZone: () => ctx.state.scriptTimeZone,
    /** "the language setting of the current user as a string—for example, en" */
    getActiveUserLocale: () => 'en',
    /** Opaque and stable per user (Google rotates it every 30 days; the sandbox never does). */
    getTemporaryActiveUserKey: () =>
      createHash('sha256').update(`temporary-key:${ctx.state.user.email}`).digest('base64url').slice(0, 43),
  };
}
