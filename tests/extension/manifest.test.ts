import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Least privilege, checked on what Chrome actually loads: the BUILT manifest (crxjs adds to it, e.g.
// web_accessible_resources, so the config alone would not tell). Any new permission or host must be
// argued for here.

const path = join(process.cwd(), 'dist/extension/manifest.json');

interface ContentScript {
  matches: string[];
  js: string[];
  exclude_matches?: string[];
  all_frames?: boolean;
  match_about_blank?: boolean;
  world?: string;
}
interface WebAccessible {
  matches?: string[];
  resources: string[];
  extension_ids?: string[];
  use_dynamic_url?: boolean;
}
interface Manifest {
  manifest_version: number;
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  web_accessible_resources?: WebAccessible[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
  background?: { service_worker: string; type?: string };
}

function builtManifest(): Manifest {
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm run build:extension first.`);
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

const MEET = 'https://meet.google.com/*';
const CALENDAR = 'https://calendar.google.com/*';
const ENROLLMENT_LINK = 'https://script.googleusercontent.com/macros/echo*';

describe('the built manifest', () => {
  it('asks for storage, alarms and notifications only', () => {
    const manifest = builtManifest();
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'notifications', 'storage']);
    expect(manifest.optional_permissions).toBeUndefined();
  });

  it('reaches Meet, Calendar and the Apps Script web app hosts, and loopback only when granted', () => {
    const manifest = builtManifest();
    expect(manifest.host_permissions).toEqual([
      MEET,
      CALENDAR,
      'https://script.google.com/*',
      'https://script.googleusercontent.com/*',
    ]);
    expect(manifest.optional_host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
  });

  it('runs content scripts on Meet, Calendar and the enrollment link page only, top frames, isolated world', () => {
    const scripts = builtManifest().content_scripts ?? [];
    expect(scripts.map((script) => script.matches)).toEqual([[MEET], [CALENDAR], [ENROLLMENT_LINK]]);
    for (const script of scripts) {
      expect(script.js).toHaveLength(1);
      expect(script.exclude_matches).toBeUndefined();
      expect(script.all_frames).toBeUndefined();
      expect(script.match_about_blank).toBeUndefined();
      expect(script.world).toBeUndefined();
      expect(existsSync(join(path, '..', script.js[0]!))).toBe(true);
    }
  });

  it('exposes its files only to the pages its content scripts run on (crxjs loads their chunks from there)', () => {
    const manifest = builtManifest();
    const scriptPages = new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches));
    for (const resource of manifest.web_accessible_resources ?? []) {
      expect(resource.extension_ids).toBeUndefined();
      expect(resource.matches?.length).toBeGreaterThan(0);
      for (const match of resource.matches ?? []) expect(scriptPages).toContain(match);
      for (const file of resource.resources) expect(file).toMatch(/^assets\/[^*]+\.js$/);
    }
  });

  it('keeps the default content security policy and lets no web page message it', () => {
    const manifest = builtManifest();
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('loads no code from elsewhere: every script the manifest names is in the package', () => {
    const manifest = builtManifest();
    const worker = manifest.background?.service_worker ?? '';
    expect(worker).not.toMatch(/^[a-z]+:/i);
    expect(existsSync(join(path, '..', worker))).toBe(true);
  });
});
