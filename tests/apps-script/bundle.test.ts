/// <reference types="google-apps-script" />
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync, existsSync } from 'node:fs';
import vm from 'node:vm';
import * as entryPoints from '../../apps-script/src/main';

// Apps Script has no Node or browser APIs. Loading the built Code.js in a context that holds only the
// ECMAScript built-ins keeps any such API out of the bundle for good: a bundle that reached for one
// would fail here at load or when the entry point runs.

const bundlePath = 'dist/apps-script/Code.js';
const hostOnlyGlobals = ['require', 'process', 'module', 'Buffer', 'setTimeout', 'setInterval', 'fetch', 'URL', 'URLSearchParams', 'TextEncoder', 'TextDecoder', 'window', 'document', 'self', 'navigator', 'crypto', 'structuredClone', 'atob', 'btoa'];

describe('the built Apps Script bundle', () => {
  let code: string;
  let context: vm.Context;

  beforeAll(() => {
    if (!existsSync(bundlePath)) throw new Error(`${bundlePath} is missing: run \`npm run build\` first (npm test does).`);
    code = readFileSync(bundlePath, 'utf8');
    context = vm.createContext({});
  });

  it('is checked in a context with nothing but the ECMAScript built-ins', () => {
    for (const name of hostOnlyGlobals) {
      expect(vm.runInContext(`typeof ${name}`, context), name).toBe('undefined');
    }
  });

  it('loads as one classic script', () => {
    expect(() => vm.runInContext(code, context, { filename: bundlePath })).not.toThrow();
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it('declares every entry point of main.ts as a top-level function', () => {
    const names = Object.keys(entryPoints);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(code, name).toMatch(new RegExp(`^function ${name}\\(\\) \\{\\}$`, 'm'));
      const real = vm.runInContext(name, context) as unknown;
      expect(typeof real, name).toBe('function');
      // The IIFE's assignment replaced the hoisted stub with the real function.
      expect(String(real), name).not.toBe(`function ${name}() {}`);
    }
  });

  it('declares nothing else at the top level', () => {
    const declared = [...code.matchAll(/^function ([\w$]+)\(/gm)].map((m) => m[1]).sort();
    expect(declared).toEqual(Object.keys(entryPoints).sort());
  });

  it('runs an entry point that needs no Google service', () => {
    const about = vm.runInContext('about()', context) as { name: string; apiVersion: number; today: string; timeZone: string };
    expect(about.name).toBe('CIL Hub');
    expect(about.apiVersion).toBe(1);
    expect(about.timeZone).toBe('Asia/Karachi');
    expect(about.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('does not give the global object a Module tag', () => {
    expect(vm.runInContext('Object.prototype.toString.call(globalThis)', context)).toBe('[object Object]');
  });
});
