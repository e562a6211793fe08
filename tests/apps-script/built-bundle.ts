import { loadBundle, type AppsScriptBundle } from '../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../../sandbox/src/workspace';

// Tests of the Apps Script code run the BUILT bundle in the sandbox, as Apps Script would run it.
// `npm test` builds first; run `npm run build:apps-script` before running these alone.

let bundle: AppsScriptBundle | null = null;

export function builtBundle(): AppsScriptBundle {
  bundle ??= loadBundle('dist/apps-script/Code.js');
  return bundle;
}

/** A fresh workspace at a fixed time (Friday 27 Nov 2026, 10:00 in Karachi) running the built bundle. */
export function newSandbox(now = new Date('2026-11-27T05:00:00Z')): Sandbox {
  return new Sandbox(emptyWorkspace({ now, scriptTimeZone: builtBundle().manifest?.timeZone }), builtBundle());
}

/** Runs an entry point and fails the test with the script's own error if it threw. */
export function runOk<T = unknown>(sandbox: Sandbox, functionName: string, args: unknown[] = []): T {
  const result = sandbox.run(functionName, args);
  if (result.error !== null) throw new Error(`${functionName} failed in the sandbox: ${result.error}`);
  return result.value as T;
}
