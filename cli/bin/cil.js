#!/usr/bin/env node
// `cil`, CfP's admin command line. It is TypeScript; tsx loads it directly, so it needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
