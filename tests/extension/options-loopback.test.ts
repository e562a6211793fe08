import { describe, expect, it } from 'vitest';
import { hostOf, loopbackOrigin } from '../../extension/options/loopback';

describe('loopbackOrigin: the web app addresses CIL Hub must ask host access for', () => {
  it.each([
    ['http://127.0.0.1:8787/exec', 'http://127.0.0.1:8787'],
    ['http://localhost:8787/exec?x=1', 'http://localhost:8787'],
    ['http://LOCALHOST/exec', 'http://localhost'],
  ])('%s is on this computer: %s', (url, origin) => {
    expect(loopbackOrigin(url)).toBe(origin);
  });

  it.each([
    ['Google', 'https://script.google.com/macros/s/AKfy/exec'],
    ['https on loopback (not in the optional hosts)', 'https://127.0.0.1:8787/exec'],
    ['a look-alike host', 'http://127.0.0.1.example.org/exec'],
    ['not an address', 'not a url'],
  ])('%s is not', (_, url) => {
    expect(loopbackOrigin(url)).toBeUndefined();
  });
});

describe('hostOf', () => {
  it('names the host of an address, or gives back what is not one', () => {
    expect(hostOf('https://script.google.com/macros/s/AKfy/exec')).toBe('script.google.com');
    expect(hostOf('http://127.0.0.1:8787/exec')).toBe('127.0.0.1:8787');
    expect(hostOf('nonsense')).toBe('nonsense');
  });
});
