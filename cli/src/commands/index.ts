import type { Command } from '../core/command';
import { backup } from './backup';
import { login } from './login';
import { logout } from './logout';
import { provision } from './provision';
import { restore } from './restore';
import { rollup } from './rollup';

// Every `cil` command, in the order `cil --help` lists them: a new command is its module and one line.
export const commands: readonly Command[] = [
  login,
  logout,
  backup,
  restore,
  provision,
  rollup,
];
