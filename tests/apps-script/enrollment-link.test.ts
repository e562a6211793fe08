/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { parseEnrollmentCode } from '../../shared/api/enrollment-code';
import { SANDBOX_WEB_APP_URL } from '../../sandbox/src/workspace';
import { callWebApp } from '../../sandbox/src/runtime/web-app';
import { serve } from '../../sandbox/src/server';
import { snapshot } from './as-lead';
import { addVolunteers, codeIn, enroll, outboxTo, report, sandboxWithCil } from './roster-fixture';

// The enrollment email's link: the web app with ?enroll=<code>, whose GET answer is a small JSON page
// carrying the code back (for the extension's content script on Google's answer page) and a message
// for a person. Nothing is checked against the roster or stored: enrolling stays the extension's
// `enroll`, on the volunteer's click.

const LINK = /https?:\/\/\S+\?enroll=cilhub1\.[A-Za-z0-9_-]+/;

function emailedCode() {
  const { sandbox } = sandboxWithCil();
  const [ayesha] = addVolunteers(sandbox, ['Ayesha Khan']);
  report(sandbox, 'sendEnrollment');
  const [message] = outboxTo(sandbox, ayesha!.email);
  return { sandbox, message: message!, code: codeIn(message!) };
}

describe('the enrollment link', () => {
  it('is in both parts of the enrollment email: the web app with the code', () => {
    const { message, code } = emailedCode();
    const link = `${SANDBOX_WEB_APP_URL}?enroll=${code}`;
    expect(LINK.exec(message.body)?.[0]).toBe(link);
    expect(message.body).toContain(`fills in the code for you:\n${link}\n`);
    expect(message.htmlBody).toContain(`<a href="${link}">Enroll CIL Hub in this browser</a>`);
    expect(message.body).toContain('press Enroll.');
  });

  it('answers a GET with the code and what to do with it, and changes nothing', () => {
    const { sandbox, code } = emailedCode();
    const before = snapshot(sandbox);
    const response = callWebApp(sandbox, { method: 'GET', queryString: `enroll=${code}` });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    const page = JSON.parse(response.body) as { cilHubEnrollmentCode?: string; message: string };
    expect(page.cilHubEnrollmentCode).toBe(code);
    expect(page.message).toContain('opens its options page with the code filled in');
    expect(snapshot(sandbox)).toEqual(before);
    // The code the page carries is one the web app enrolls with.
    const read = parseEnrollmentCode(page.cilHubEnrollmentCode!);
    expect(read.ok && enroll(sandbox, read.enrollment).ok).toBe(true);
  });

  it('gives back the code without the line breaks a mail program put in the link', () => {
    const { sandbox, code } = emailedCode();
    const response = callWebApp(sandbox, { method: 'GET', queryString: `enroll=${encodeURIComponent(`${code.slice(0, 30)}\n${code.slice(30)}`)}` });
    expect(JSON.parse(response.body).cilHubEnrollmentCode).toBe(code);
  });

  it.each([
    ['damaged', (code: string) => code.slice(0, 30), 'This enrollment code is damaged'],
    ['not a code', () => '<script>alert(1)</script>', 'This is not a CIL Hub enrollment code'],
    ['empty', () => '', 'Paste the enrollment code'],
  ])('carries no code when the link\'s code is %s, and says why', (_, damage, reason) => {
    const { sandbox, code } = emailedCode();
    const response = callWebApp(sandbox, { method: 'GET', queryString: `enroll=${encodeURIComponent(damage(code))}` });
    const page = JSON.parse(response.body) as Record<string, unknown>;
    expect(Object.keys(page)).toEqual(['message']);
    expect(page.message).toContain(reason);
    expect(page.message).toContain('paste the code from the email instead');
  });

  it('still tells a plain GET that this is a CIL Hub', () => {
    const { sandbox } = emailedCode();
    const page = JSON.parse(callWebApp(sandbox, { method: 'GET' }).body);
    expect(page).toMatchObject({ v: 1, ok: true, result: { service: 'CIL Hub', apiVersion: 1 } });
  });

  it('opens in a browser as Google serves it: through a redirect to the one-time answer page', async () => {
    const { sandbox } = sandboxWithCil();
    const server = await serve({ sandbox, port: 0, save() {}, bundlePath: 'dist/apps-script/Code.js' });
    try {
      sandbox.state.webAppUrl = `${server.url}exec`;
      const [ayesha] = addVolunteers(sandbox, ['Ayesha Khan']);
      report(sandbox, 'sendEnrollment');
      const message = outboxTo(sandbox, ayesha!.email)[0]!;
      const link = LINK.exec(message.body)![0];
      expect(link.startsWith(`${server.url}exec?enroll=`)).toBe(true);

      const response = await fetch(link);
      expect(new URL(response.url).pathname).toBe('/macros/echo');
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await response.json()).cilHubEnrollmentCode).toBe(codeIn(message));
    } finally {
      await server.close();
    }
  });
});
