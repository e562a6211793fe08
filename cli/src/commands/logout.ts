import { deleteTokenFile, readTokenFile, revoke, tokenPath } from '../core/auth';
import { GLOBAL_HELP, type Command } from '../core/command';
import { UsageError } from '../core/errors';

// `cil logout`: revokes the saved sign-in at Google and deletes it from the config folder.

const HELP = `Usage: cil logout

Revokes the sign-in that \`cil login\` saved (so the token is useless even if a copy exists) and
deletes it from your config folder. The file is deleted even when Google cannot be reached or the
file is damaged.

${GLOBAL_HELP}`;

export const logout: Command = {
  name: 'logout',
  summary: 'revoke and delete the saved sign-in',
  help: HELP,
  options: {},
  scopes: [],
  async run({ positionals, ctx }) {
    if (positionals.length > 0) throw new UsageError('cil logout takes no arguments; see cil logout --help.');
    const path = tokenPath(ctx);
    let token = null;
    try {
      token = readTokenFile(ctx, { forRevoking: true });
    } catch {
      // A damaged file holds no token to revoke; it is deleted all the same.
    }
    const revoked = token ? await revoke(ctx, token) : false;
    if (!deleteTokenFile(ctx)) {
      ctx.stdout.write(`Not signed in (no ${path}).\n`);
      return 0;
    }
    ctx.stdout.write(
      token && !revoked
        ? `Deleted ${path}. Google could not be reached to revoke it: remove cil's access at https://myaccount.google.com/permissions if you think a copy exists.\n`
        : `Signed out: ${token ? 'revoked and ' : ''}deleted ${path}.\n`,
    );
    return 0;
  },
};
