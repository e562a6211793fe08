import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';

// `cil-sandbox serve` as a process of its own, on a free port over a state file, as a person starts it;
// the addresses it prints (one JSON object on stdout) come back once it listens. Stopped after each test.

const sandboxBin = fileURLToPath(new URL('../../sandbox/bin/cil-sandbox.js', import.meta.url));

const running: ChildProcess[] = [];
afterEach(() => running.splice(0).forEach((server) => server.kill()));

/** What `serve` prints when it listens: the UI's address and, by kind, the others it answers at. */
export type Served = { ui: string; webApp: string; googleApis: string; apiExecutable: string };

export function serveProcess(state: string, bundle: string): Promise<Served> {
  const server = spawn(process.execPath, [sandboxBin, 'serve', '--port', '0', '--state', state, '--bundle', bundle], { stdio: ['ignore', 'pipe', 'inherit'] });
  running.push(server);
  return new Promise((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve(JSON.parse(out) as Served);
      } catch {
        // not all of the JSON yet
      }
    });
    server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
}
