import { ADMIN_SCOPES, EVERYDAY_SCOPES, login as signIn, oauthClientConfig } from '../core/auth';
import { GLOBAL_HELP, stringOption, type Command } from '../core/command';
import { UsageError } from '../core/errors';

// `cil login`: the admin's own Google sign-in, kept for the other commands (auth.ts).

const HELP = `Usage: cil login [--admin] [--client FILE] [--open]

Signs in with your Google account and keeps the sign-in in your config folder
($XDG_CONFIG_HOME/cil-hub/token.json, ~/.config/cil-hub/token.json, or %APPDATA%\\cil-hub\\token.json
on Windows), readable by you alone. Prints an address to open in a browser on this computer; Google
then sends the browser back to this command, which waits on 127.0.0.1.

It needs a "Desktop app" OAuth client of a Google Cloud project where the Sheets, Drive and Apps
Script APIs are on (Google Cloud console › APIs & Services › Credentials › Create credentials › OAuth client ID ›
Desktop app; download its JSON). cil looks for it in --client FILE, CIL_OAUTH_CLIENT_FILE,
CIL_OAUTH_CLIENT_ID with CIL_OAUTH_CLIENT_SECRET, or client.json in the config folder.

It asks for what backup and restore need: to see and edit your spreadsheets, and to see the names
of your Drive files (to find the spreadsheets in a folder). With --admin it also asks for every
permission the CIL Hub Apps Script project has (Drive, Docs, sending mail as you, its triggers and
Sheets menus, your email address), which provision and rollup need: Google runs the project's code
for them only for a sign-in that allows all of them.

Options:
  --admin         also allow cil provision and cil rollup
  --client FILE   the OAuth client JSON downloaded from Google Cloud
  --open          also open the address in the default browser

${GLOBAL_HELP}`;

const LOGIN_TIMEOUT_MS = 5 * 60_000;

const listOf = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

export const login: Command = {
  name: 'login',
  summary: 'sign in with your Google account (kept in your config folder)',
  help: HELP,
  options: { admin: { type: 'boolean' }, client: { type: 'string' }, open: { type: 'boolean' } },
  scopes: [],
  async run({ positionals, values, ctx, commands }) {
    if (positionals.length > 0) throw new UsageError('cil login takes no arguments; see cil login --help.');
    if (stringOption(values, 'sandbox') !== undefined || values.adc === true) {
      throw new UsageError('cil login signs in to Google; with --sandbox or --adc there is nothing to sign in to.');
    }
    const client = oauthClientConfig(ctx, stringOption(values, 'client'));
    const admin = values.admin === true;
    const { path, scopes } = await signIn(ctx, {
      scopes: admin ? ADMIN_SCOPES : EVERYDAY_SCOPES,
      rerun: admin ? 'cil login --admin' : 'cil login',
      client,
      open: values.open === true,
      timeoutMs: LOGIN_TIMEOUT_MS,
    });
    const needing = commands.filter((command) => command.scopes.length > 0);
    const allowed = needing.filter((command) => command.scopes.every((scope) => scopes.includes(scope))).map((command) => `cil ${command.name}`);
    const others = needing.filter((command) => !command.scopes.every((scope) => scopes.includes(scope))).map((command) => `cil ${command.name}`);
    ctx.stdout.write(
      `Signed in. The sign-in is kept in ${path} (readable by you alone); it allows ${listOf(allowed)}.${others.length > 0 ? ` For ${listOf(others)}, run \`cil login --admin\`.` : ''}\n`,
    );
    return 0;
  },
};
