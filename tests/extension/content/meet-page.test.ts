import { afterEach, describe, expect, it } from 'vitest';
import { MEET_SIGNALS, meetCodeFromUrl, readMeetPage } from '../../../extension/content/meet/meet-page';
import { fixtureAddress, loadFixture } from './fixture';

afterEach(() => {
  document.body.replaceChildren();
  document.title = '';
});

const read = (name: string) => readMeetPage(loadFixture(`meet/${name}.html`), fixtureAddress(`meet/${name}.html`));

describe('Meet pages: what each saved variant shows', () => {
  it.each([
    // Current layout (2024+), English.
    ['current-pre-join', { state: 'pre-join', code: 'abc-defg-hij' }],
    ['current-waiting', { state: 'waiting', code: 'abc-defg-hij' }],
    ['current-in-call', { state: 'in-call', code: 'abc-defg-hij', title: 'CIL Karachi: monthly CfP call' }],
    ['current-ended', { state: 'ended', code: 'abc-defg-hij', title: 'CIL Karachi: monthly CfP call' }],
    // Older layout (google-material-icons, div buttons), English.
    ['older-pre-join', { state: 'pre-join', code: 'kqm-wtzp-rvb' }],
    ['older-in-call', { state: 'in-call', code: 'kqm-wtzp-rvb', title: 'CIL Karachi hack night' }],
    ['older-ended', { state: 'ended', code: 'kqm-wtzp-rvb', title: 'CIL Karachi hack night' }],
    // Current layout in Urdu, right to left.
    ['urdu-pre-join', { state: 'pre-join', code: 'pxr-nfkt-bdw' }],
    ['urdu-in-call', { state: 'in-call', code: 'pxr-nfkt-bdw', title: 'CIL کراچی: ماہانہ میٹ اپ' }],
    ['urdu-ended', { state: 'ended', code: 'pxr-nfkt-bdw', title: 'CIL کراچی: ماہانہ میٹ اپ' }],
    // Meet's home page: camera icons but no meeting.
    ['home', { state: 'unknown' }],
  ])('%s', (name, expected) => {
    expect(read(name)).toEqual(expected);
  });

  it('reads the same state with every aria-label gone or translated', () => {
    for (const name of ['current-pre-join', 'current-waiting', 'current-in-call', 'current-ended', 'older-in-call', 'urdu-ended']) {
      const before = read(name);
      for (const element of document.querySelectorAll('[aria-label]')) element.setAttribute('aria-label', 'Xyzzy');
      expect(readMeetPage(document, fixtureAddress(`meet/${name}.html`)), name).toEqual(before);
      for (const element of document.querySelectorAll('[aria-label]')) element.removeAttribute('aria-label');
      expect(readMeetPage(document, fixtureAddress(`meet/${name}.html`)), name).toEqual(before);
    }
  });

  it('keys no selector on an aria-label or on visible text', () => {
    const selectors = JSON.stringify(MEET_SIGNALS);
    expect(selectors).not.toMatch(/aria-label|:contains|has-text/i);
  });

  it('takes the code from the page when the address has none (e.g. /lookup/…)', () => {
    loadFixture('meet/older-in-call.html');
    expect(readMeetPage(document, 'https://meet.google.com/lookup/cilkarachi')).toMatchObject({
      state: 'in-call',
      code: 'kqm-wtzp-rvb',
    });
    loadFixture('meet/urdu-in-call.html');
    expect(readMeetPage(document, 'https://meet.google.com/lookup/cilkarachi').code).toBe('pxr-nfkt-bdw');
  });

  it('prefers the address when Meet has moved on to another call and the page still names the old one', () => {
    loadFixture('meet/current-in-call.html');
    expect(readMeetPage(document, 'https://meet.google.com/zzz-yyyy-xxx').code).toBe('zzz-yyyy-xxx');
  });

  it('falls back from the title element to the tab title, and gives no title when both show only the code', () => {
    loadFixture('meet/current-in-call.html');
    for (const element of document.querySelectorAll('[data-meeting-title]')) element.removeAttribute('data-meeting-title');
    document.querySelector('.u6vdEc')?.remove();
    expect(readMeetPage(document, 'https://meet.google.com/abc-defg-hij').title).toBe('CIL Karachi: monthly CfP call');
    document.title = 'Meet – abc-defg-hij';
    expect(readMeetPage(document, 'https://meet.google.com/abc-defg-hij').title).toBeUndefined();
    document.title = 'Google Meet';
    expect(readMeetPage(document, 'https://meet.google.com/abc-defg-hij').title).toBeUndefined();
  });

  it('sees the end screen even while a stale leave button lingers', () => {
    loadFixture('meet/current-in-call.html');
    document.body.insertAdjacentHTML('beforeend', '<div data-call-ended="true"></div>');
    expect(readMeetPage(document, 'https://meet.google.com/abc-defg-hij').state).toBe('ended');
  });
});

describe('Meet codes in addresses', () => {
  it.each([
    ['https://meet.google.com/abc-defg-hij', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij?authuser=1&hs=122', 'abc-defg-hij'],
    ['https://meet.google.com/ABC-DEFG-HIJ/', 'abc-defg-hij'],
    ['https://meet.google.com/_meet/abc-defg-hij?hl=ur', 'abc-defg-hij'],
    ['https://meet.google.com/abc-defg-hij#chat', 'abc-defg-hij'],
  ])('%s → %s', (address, code) => {
    expect(meetCodeFromUrl(address)).toBe(code);
  });

  it.each([
    'https://meet.google.com/',
    'https://meet.google.com/landing',
    'https://meet.google.com/lookup/cilkarachi',
    'https://meet.google.com/abc-defg-hijk',
    'https://meet.google.com/abc-defg-hij/extra',
    'https://meet.google.com.evil.example/abc-defg-hij',
    'https://calendar.google.com/abc-defg-hij',
    'not a url',
  ])('none in %s', (address) => {
    expect(meetCodeFromUrl(address)).toBeUndefined();
  });
});
