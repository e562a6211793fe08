#!/usr/bin/env node
// `npm start`: rebuild whatever is older than its sources, then serve the sandbox with the demo CIL.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));

function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stats = statSync(path);
    if (stats.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else latest = Math.max(latest, stats.mtimeMs);
  };
  paths.forEach((p) => visit(join(root, p)));
  return latest;
}

const builds = [
  { script: 'build:apps-script', output: 'dist/apps-script/Code.js', sources: ['apps-script', 'shared', 'package.json', 'package-lock.json'] },
  { script: 'build:extension', output: 'dist/extension/manifest.json', sources: ['extension', 'shared', 'vite.config.ts', 'package.json', 'package-lock.json'] },
];
for (const build of builds) {
  const output = join(root, build.output);
  if (existsSync(output) && statSync(output).mtimeMs >= newest(build.sources)) continue;
  console.log(`Building (${build.script}): ${build.output} is older than its sources.`);
  const result = spawnSync('npm', ['run', '--silent', build.script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

console.log(`Load the extension unpacked from: ${join(root, 'dist/extension')} (chrome://extensions → Developer mode → Load unpacked)`);
const server = spawn(
  process.execPath,
  [join(root, 'sandbox/bin/cil-sandbox.js'), 'serve', '--demo', '--state', join(root, '.sandbox/state.json'), ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
// Stopping `npm start` stops the server too.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
