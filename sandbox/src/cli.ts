import { parseArgs } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadBundle, BundleError, type AppsScriptBundle } from './runtime/apps-script-bundle';
import { Sandbox, type ExecutionResult } from './runtime/sandbox';
import { callWebApp } from './runtime/web-app';
import { loadWorkspace, saveWorkspace, StateFileError } from './state-file';
import { emptyWorkspace, type WorkspaceState } from './workspace';
import { workspaceView } from './workspace-view';
import { parseDuration } from './duration';
import { serve } from './server';
import { createGoogleApis } from './rest/google-apis-server';
import { API_EXECUTABLE_ID } from './rest/apps-script-api';

// `cil-sandbox`: the sandbox from a shell. Every command loads the state file, does one thing, saves
// the state (unless it only read it) and prints JSON, so tests and scenario scripts can parse it.

const usage = `Usage: cil-sandbox <command> [options]

Commands:
  serve [--port 8787] [--demo]   serve the web app (/exec), the sandbox UI, the Sheets and Drive REST
                                 APIs and the Apps Script API's scripts.run over the bundle
                                 (googleapis' rootUrl: the printed googleApis; the deployment id:
                                 apiExecutable) on 127.0.0.1; --demo seeds a state file that does
                                 not exist yet with the demo CIL
  demo                           set up the demo CIL through the bundle and print how to try it
  call <function> [json-args]    run a top-level function of the bundle; json-args is a JSON array
  post <json | @file>            run doPost as the web app would and print the response body
  advance <duration>             move the clock (e.g. 3h, 2d, 1w, 90m), firing due triggers
  dump                           print the whole workspace as JSON

Options:
  --state FILE    the workspace state file (default .sandbox/state.json)
  --bundle FILE   the Apps Script file to run (default dist/apps-script/Code.js)
  --now ISO       with demo: start the clock at this instant instead of now
`;

export class UsageError extends Error {}

/** The entry point the bundle offers for setting up the demo CIL; absent until the bundle has one. */
export const DEMO_ENTRY_POINT = 'setUpDemoCil';

interface Workbench {
  statePath: string;
  bundle: AppsScriptBundle;
  state: WorkspaceState;
  sandbox: Sandbox;
  save(): void;
}

function openWorkbench(statePath: string, bundlePath: string, fresh?: WorkspaceState): Workbench {
  const bundle = loadBundle(bundlePath);
  const state = fresh ?? loadWorkspace(statePath) ?? emptyWorkspace({ scriptTimeZone: bundle.manifest?.timeZone });
  const sandbox = new Sandbox(state, bundle);
  return { statePath, bundle, state, sandbox, save: () => saveWorkspace(statePath, state) };
}

function executionJson(result: ExecutionResult) {
  return {
    function: result.functionName,
    executionId: result.executionId,
    startedAt: result.startedAt.toISOString(),
    error: result.error,
    serviceCalls: result.meter.serviceCalls,
    cellsRead: result.meter.cellsRead,
    cellsWritten: result.meter.cellsWritten,
  };
}

/** Google objects in a result print as their kind, e.g. "[TextOutput]": the script got an object, not data. */
function resultJson(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value ?? null, (_key, item) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const proto = Object.getPrototypeOf(item);
        if (proto !== Object.prototype && proto !== null && !(item instanceof Date)) return `[${item.constructor?.name ?? 'Object'}]`;
      }
      return item;
    }),
  );
}

export function setUpDemo(workbench: Workbench) {
  const result = workbench.bundle.entryPoints.includes(DEMO_ENTRY_POINT) ? workbench.sandbox.run(DEMO_ENTRY_POINT) : null;
  return {
    state: workbench.statePath,
    clock: workbench.state.clock.toISOString(),
    demo: result ? resultJson(result.value) : null,
    error: result?.error ?? null,
    note: result ? undefined : `This bundle has no ${DEMO_ENTRY_POINT} entry point yet: the workspace is empty.`,
  };
}

export async function main(argv: string[], out: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      state: { type: 'string', default: '.sandbox/state.json' },
      bundle: { type: 'string', default: 'dist/apps-script/Code.js' },
      port: { type: 'string', default: '8787' },
      demo: { type: 'boolean', default: false },
      now: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    out(usage);
    return command || values.help ? 0 : 2;
  }
  const statePath = resolve(values.state);
  const bundlePath = resolve(values.bundle);
  const print = (value: unknown) => out(`${JSON.stringify(value, null, 2)}\n`);

  switch (command) {
    case 'demo': {
      const now = values.now ? new Date(values.now) : new Date();
      if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${values.now} is not an ISO date and time.`);
      // A fresh workspace replaces the state, but a file that does not parse is never overwritten.
      loadWorkspace(statePath);
      const bench = openWorkbench(statePath, bundlePath, emptyWorkspace({ now, scriptTimeZone: loadBundle(bundlePath).manifest?.timeZone }));
      const summary = setUpDemo(bench);
      bench.save();
      print(summary);
      return summary.error ? 1 : 0;
    }
    case 'call': {
      const [functionName, json] = rest;
      if (!functionName) throw new UsageError('call needs a function name, e.g. `cil-sandbox call about`.');
      const args = json === undefined ? [] : parseJson(json, 'json-args');
      if (!Array.isArray(args)) throw new UsageError('json-args must be a JSON array, e.g. \'["a", 1]\'.');
      const bench = openWorkbench(statePath, bundlePath);
      const result = bench.sandbox.run(functionName, args);
      bench.save();
      print({ ...executionJson(result), result: resultJson(result.value) });
      return result.error ? 1 : 0;
    }
    case 'post': {
      const [input] = rest;
      if (!input) throw new UsageError('post needs a JSON body or @file.');
      const body = input.startsWith('@') ? readFileSync(input.slice(1), 'utf8') : input;
      const bench = openWorkbench(statePath, bundlePath);
      const response = callWebApp(bench.sandbox, { method: 'POST', body, contentType: 'text/plain' });
      bench.save();
      out(response.body.endsWith('\n') ? response.body : `${response.body}\n`);
      return response.status === 200 ? 0 : 1;
    }
    case 'advance': {
      const [text] = rest;
      if (!text) throw new UsageError('advance needs a duration, e.g. 3h, 2d or 1w.');
      let millis: number;
      try {
        millis = parseDuration(text);
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      const bench = openWorkbench(statePath, bundlePath);
      const ran = bench.sandbox.advance(millis);
      bench.save();
      print({ clock: bench.state.clock.toISOString(), ran: ran.map(executionJson) });
      return 0;
    }
    case 'dump': {
      const bench = openWorkbench(statePath, bundlePath);
      print(workspaceView(bench.state));
      return 0;
    }
    case 'serve': {
      const port = Number(values.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port ${values.port} is not a port number.`);
      // An existing state is kept, so the sandbox survives restarts; --demo seeds only a new one.
      const existing = loadWorkspace(statePath);
      const bench = openWorkbench(
        statePath,
        bundlePath,
        existing ?? emptyWorkspace({ scriptTimeZone: loadBundle(bundlePath).manifest?.timeZone }),
      );
      const googleApis = createGoogleApis(bench.state, { onChange: bench.save, bundle: bench.bundle });
      const server = await serve({ sandbox: bench.sandbox, port, save: bench.save, bundlePath, googleApis });
      // Before the demo, so the enrollment codes it issues point at this server.
      bench.state.webAppUrl = `${server.url}exec`;
      const demo = values.demo && !existing ? setUpDemo(bench) : null;
      bench.save();
      print({ ui: server.url, webApp: `${server.url}exec`, googleApis: server.url, apiExecutable: API_EXECUTABLE_ID, state: statePath, demo });
      return await new Promise<number>(() => {});
    }
    default:
      throw new UsageError(`Unknown command "${command}". Run cil-sandbox --help for the list.`);
  }
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${what} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof StateFileError || error instanceof BundleError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      process.stderr.write(`cil-sandbox: ${(error as Error).message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
