import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sharedDir = fileURLToPath(new URL('../../shared', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

// Comments may name what the code avoids; only code counts.
function codeOf(path: string): string {
  return readFileSync(path, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

// Globals Apps Script's V8, an MV3 service worker or Node lacks, or that answer differently per engine.
const FORBIDDEN: [string, RegExp][] = [
  ['chrome.*', /\bchrome\./],
  ['Google services', /\b(SpreadsheetApp|DriveApp|DocumentApp|MailApp|ScriptApp|PropertiesService|LockService|CardService|Utilities|Session)\b/],
  ['DOM', /\b(window|document|navigator|localStorage|indexedDB)\b/],
  ['Node', /\b(process|require|Buffer|__dirname)\b|from 'node:/],
  ['structuredClone', /\bstructuredClone\b/],
  ['URL', /\bURL(SearchParams)?\b/],
  ['TextEncoder/TextDecoder', /\bText(En|De)coder\b/],
  ['atob/btoa', /\b(atob|btoa)\b/],
  ['crypto', /\bcrypto\b/],
  ['timers', /\b(setTimeout|setInterval|queueMicrotask)\b/],
  ['Date.parse', /\bDate\.parse\b/],
  ['fetch', /\bfetch\(/],
];

describe('shared/ stays pure', () => {
  const files = sourceFiles(sharedDir);

  it('finds the shared sources', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  for (const path of files) {
    const name = relative(sharedDir, path);
    it(`${name} uses no platform globals`, () => {
      const code = codeOf(path);
      const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
      expect(found).toEqual([]);
    });
    if (name !== 'zod.ts') {
      it(`${name} imports z from ./zod, not from 'zod'`, () => {
        expect(codeOf(path)).not.toMatch(/from ['"]zod(\/[^'"]*)?['"]/);
      });
    }
  }
});
