#!/usr/bin/env node
// The sandbox is TypeScript; tsx loads it directly, so `npx cil-sandbox` needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli.ts');
await runCli(process.argv.slice(2));
