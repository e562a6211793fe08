import { describe, expect, it } from 'vitest';
import { createSession } from '../../../sandbox/src/services/session';
import { serviceContext } from './service-context';

const setup = (email?: string) => {
  const ctx = serviceContext({ scriptTimeZone: 'Asia/Karachi', ...(email ? { email } : {}) });
  return { ctx, Session: createSession(ctx) };
};

describe('Session', () => {
  it("reports the workspace's user as both active and effective user", () => {
    const { Session } = setup();
    expect(Session.getActiveUser().getEmail()).toBe('lead@cil-demo.example');
    expect(Session.getEffectiveUser().getEmail()).toBe('lead@cil-demo.example');
    expect(Session.getEffectiveUser().getDomain()).toBe('cil-demo.example');
  });

  it("gives the script's time zone from the state, and the locale 'en'", () => {
    const { ctx, Session } = setup();
    expect(Session.getScriptTimeZone()).toBe('Asia/Karachi');
    ctx.state.scriptTimeZone = 'America/New_York';
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
    expect(Session.getActiveUserLocale()).toBe('en');
  });

  it('gives a temporary key that is stable per user, opaque, and differs between users', () => {
    const { Session } = setup();
    const key = Session.getTemporaryActiveUserKey();
    expect(key).toBe(Session.getTemporaryActiveUserKey());
    expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(key).not.toContain('lead');
    expect(setup('sara@cil.example').Session.getTemporaryActiveUserKey()).not.toBe(key);
  });
});
