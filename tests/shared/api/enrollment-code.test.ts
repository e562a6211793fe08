import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeEnrollmentCode, parseEnrollmentCode, type Enrollment } from '../../../shared/api/enrollment-code';
import { base64urlFromText } from '../../../shared/encoding/base64url';

const enrollment: Enrollment = {
  url: 'https://script.google.com/macros/s/AKfycbx123_abc-DEF/exec',
  cil: 'lahore',
  token: 'tK3n_abcdefghijklmnopqrstuvwxyz012345',
};

function failure(text: string) {
  const read = parseEnrollmentCode(text);
  if (read.ok) throw new Error('expected the code to be refused');
  return read.message;
}

describe('enrollment codes', () => {
  it('round-trip', () => {
    const code = encodeEnrollmentCode(enrollment);
    expect(code.startsWith('cilhub1.')).toBe(true);
    expect(code).toMatch(/^cilhub1\.[A-Za-z0-9_-]+$/);
    expect(parseEnrollmentCode(code)).toEqual({ ok: true, enrollment });
  });

  it('round-trip any valid enrollment', () => {
    const token = fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/);
    const cil = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
    fc.assert(
      fc.property(token, cil, (t, c) => {
        const e = { url: 'http://127.0.0.1:8787/exec', cil: c, token: t };
        expect(parseEnrollmentCode(encodeEnrollmentCode(e))).toEqual({ ok: true, enrollment: e });
      }),
    );
  });

  it('survive line breaks and spaces a mail program adds', () => {
    const code = encodeEnrollmentCode(enrollment);
    const wrapped = `  ${code.slice(0, 20)}\n${code.slice(20, 40)} ${code.slice(40)}\n`;
    expect(parseEnrollmentCode(wrapped)).toEqual({ ok: true, enrollment });
  });

  it('allow plain http only for the sandbox on this machine', () => {
    for (const url of ['http://localhost:8787/exec', 'http://127.0.0.1/exec', 'http://[::1]:3000/exec']) {
      expect(parseEnrollmentCode(encodeEnrollmentCode({ ...enrollment, url })).ok).toBe(true);
    }
    expect(() => encodeEnrollmentCode({ ...enrollment, url: 'http://script.google.com/macros/s/x/exec' })).toThrow();
    expect(() => encodeEnrollmentCode({ ...enrollment, url: 'http://localhost.evil.example/exec' })).toThrow();
  });

  it("carry only a deployed web app's /exec address, never the editors-only /dev one", () => {
    for (const url of [
      'https://script.google.com/macros/s/AKfycbx123_abc-DEF/exec',
      'https://script.google.com/a/macros/codeforpakistan.org/s/AKfycbx123/exec',
      'http://127.0.0.1:8787/exec',
    ]) {
      expect(parseEnrollmentCode(encodeEnrollmentCode({ ...enrollment, url })).ok, url).toBe(true);
    }
    for (const url of [
      'https://script.google.com/macros/s/AKfycbx123_abc-DEF/dev',
      'https://script.google.com/macros/s/AKfycbx123_abc-DEF/exec?x=1',
      'https://script.google.com/macros/s/AKfycbx123_abc-DEF/exec/',
      'https://script.google.com/macros/s/AKfycbx123_abc-DEF/executive',
      'https://script.google.com/',
      'http://localhost:8787/',
    ]) {
      expect(() => encodeEnrollmentCode({ ...enrollment, url }), url).toThrow(/deployed address/);
    }
    const dev = 'cilhub1.' + base64urlFromText(JSON.stringify({ u: 'https://script.google.com/macros/s/AKfycbx123/dev', c: 'lahore', t: enrollment.token }));
    expect(failure(dev)).toMatch(/damaged; copy it again in full .*\(url must be the web app's deployed address, https:\/\/…\/exec\)/);
  });

  it('explain what is wrong with a bad code', () => {
    expect(failure('')).toBe('Paste the enrollment code your CIL lead sent you.');
    expect(failure('hello there')).toMatch(/^This is not a CIL Hub enrollment code/);
    expect(failure('cilhub2.abc')).toMatch(/newer CIL Hub\. Update the CIL Hub extension/);
    expect(failure('CILHUB1.abc')).toMatch(/damaged/);
    expect(failure('cilhub1.abc$def')).toMatch(/damaged; copy it again in full .*"\$" at position 4/);
    expect(failure('cilhub1.' + base64urlFromText('{not json'))).toMatch(/damaged/);
    expect(failure('cilhub1.' + base64urlFromText('{"u":"x"}'))).toMatch(/damaged/);
    const truncated = encodeEnrollmentCode(enrollment).slice(0, -10);
    expect(failure(truncated)).toMatch(/damaged/);
    const badToken = 'cilhub1.' + base64urlFromText(JSON.stringify({ u: enrollment.url, c: 'lahore', t: 'x' }));
    expect(failure(badToken)).toMatch(/damaged; copy it again in full .*\(token must be an enrollment token\)/);
  });
});
