import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loopbackPermissionFor } from '../../extension/loopback-permission';
import { deploymentIdOf, hostOf } from '../../extension/options/web-app-address';

describe('loopbackPermissionFor: the one pattern the options page asks for and the worker checks', () => {
  it.each([
    ['http://127.0.0.1:8787/exec', 'http://127.0.0.1/*'],
    ['http://127.0.0.1/exec', 'http://127.0.0.1/*'],
    ['http://localhost:8787/exec?x=1', 'http://localhost/*'],
    ['http://LOCALHOST/exec', 'http://localhost/*'],
  ])('%s needs %s, portless', (url, pattern) => {
    expect(loopbackPermissionFor(url)).toBe(pattern);
  });

  it.each([
    ['Google', 'https://script.google.com/macros/s/AKfy/exec'],
    ['https on loopback (not in the optional hosts)', 'https://127.0.0.1:8787/exec'],
    ['IPv6 loopback (no optional permission covers it)', 'http://[::1]:8787/exec'],
    ['a look-alike host', 'http://127.0.0.1.example.org/exec'],
    ['not an address', 'not a url'],
  ])('%s needs none', (_, url) => {
    expect(loopbackPermissionFor(url)).toBeNull();
  });

  it('names exactly the built manifest optional host permissions', () => {
    const built = JSON.parse(readFileSync(join(process.cwd(), 'dist/extension/manifest.json'), 'utf8')) as { optional_host_permissions: string[] };
    const patterns = ['http://127.0.0.1:1/x', 'http://localhost:2/y'].map(loopbackPermissionFor);
    expect(patterns).toEqual(built.optional_host_permissions);
  });
});

describe('web app addresses shown to a volunteer', () => {
  it('hostOf names the host of an address, or gives back what is not one', () => {
    expect(hostOf('https://script.google.com/macros/s/AKfy/exec')).toBe('script.google.com');
    expect(hostOf('http://127.0.0.1:8787/exec')).toBe('127.0.0.1:8787');
    expect(hostOf('nonsense')).toBe('nonsense');
  });

  it('deploymentIdOf names the Apps Script deployment, and nothing for other addresses', () => {
    expect(deploymentIdOf('https://script.google.com/macros/s/AKfycbx-Lahore_1/exec')).toBe('AKfycbx-Lahore_1');
    expect(deploymentIdOf('https://script.google.com/a/macros/cil.org/s/AKfyDomain/exec')).toBe('AKfyDomain');
    expect(deploymentIdOf('https://script.google.com/macros/x/s/AKfy/exec')).toBeUndefined();
    expect(deploymentIdOf('http://127.0.0.1:8787/exec')).toBeUndefined();
    expect(deploymentIdOf('nonsense')).toBeUndefined();
  });
});
