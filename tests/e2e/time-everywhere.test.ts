import { describe, it, expect, beforeAll } from 'vitest';
import vm from 'node:vm';
import { build } from 'vite';
import { timeAnswers } from '../fixtures/time-answers';
import { launchCilHub } from './browser';

// shared/'s calendar arithmetic must give the same answers wherever CIL Hub runs: Node (tests, the
// sandbox), Apps Script's V8 (a bare context with only the ECMAScript built-ins, as the bundle test
// uses) and the extension's service worker in Chromium, with its own ICU time-zone data.

let script = '';

beforeAll(async () => {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      target: 'es2019',
      lib: { entry: new URL('../fixtures/time-answers.ts', import.meta.url).pathname, formats: ['iife'], name: 'cilTime', fileName: () => 'time.js' },
    },
  });
  const [result] = Array.isArray(output) ? output : [output];
  script = (result as { output: { code?: string }[] }).output[0]!.code!;
});

describe('calendar answers', () => {
  const expected = JSON.parse(JSON.stringify(timeAnswers()));

  it('are the same in a bare V8 context like Apps Script', () => {
    const context = vm.createContext({});
    vm.runInContext(script, context);
    expect(JSON.parse(vm.runInContext('JSON.stringify(cilTime.timeAnswers())', context))).toEqual(expected);
  });

  it("are the same in the extension's service worker", async () => {
    const browser = await launchCilHub();
    try {
      const answers = await browser.serviceWorker.evaluate(`(() => { ${script}; return JSON.stringify(cilTime.timeAnswers()); })()`);
      expect(JSON.parse(answers as string)).toEqual(expected);
    } finally {
      await browser.close();
    }
  });
});
