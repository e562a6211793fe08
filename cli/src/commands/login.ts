import { SCOPES, login as signIn, oauthClientConfig } from '../core/auth';
import { GLOBAL_HELP, stringOption, type Command } from '../core/command';
import { UsageError } from '../core/errors';

// `cil login`: the admin's own Google sign-in, kept for the other commands (auth.ts).

const HELP = `Usage: cil login [--client FILE] [--open]

Signs in with your Google account and keeps the sign-in in your config folder
($XDG_CONFIG_HOME/cil-hub/token.json, ~/.config/cil-hub/token.json, or %APPDATA%\\cil-hub\\token.json
on Windows), readable by you alone. Prints an address to open in a browser on this computer; Google
then sends the browser back to this command, which waits on 127.0.0.1.

It needs a "Desktop app" OAuth client of a Google Cloud project where the Sheets, Drive and Apps
Script APIs are on (Google Cloud console › APIs & Services › Credentials › Create credentials › OAuth client ID ›
Desktop app; download its JSON). cil looks for it in --client FILE, CIL_OAUTH_CLIENT_FILE,
CIL_OAUTH_CLIENT_ID with CIL_OAUTH_CLIENT_SECRET, or client.json in the config folder.

It asks to see and edit your spreadsheets (to back up and restore them), to see the names of your
Drive files (to find the spreadsheets in a folder), and every permission the CIL Hub Apps Script
project has (Drive, Docs, sending mail as you, its triggers and Sheets menus, your email address):
Google runs the project's setUpCil for cil provision only for a sign-in that allows all of them.

Options:
  --client FILE   the OAuth client JSON downloaded from Google Cloud
  --open          also open the address in the default browser

${GLOBAL_HELP}`;

const LOGIN_TIMEOUT_MS = 5 * 60_000;

export const login: Command = {
  name: 'login',
  summary: 'sign in with your Google account (kept in your config folder)',
  help: HELP,
  options: { client: { type: 'string' }, open: { type: 'boolean' } },
  scopes: [],
  async run({ positionals, values, ctx, allScopes }) {
    if (positionals.length > 0) throw new UsageError('cil login takes no arguments; see cil login --help.');
    if (stringOption(values, 'sandbox') !== undefined || values.adc === true) {
      throw new UsageError('cil login signs in to Google; with --sandbox or --adc there is nothing to sign in to.');
    }
    const client = oauthClientConfig(ctx, stringOption(values, 'client'));
    const { path, scopes } = await signIn(ctx, { scopes: allScopes, client, open: values.open === true, timeoutMs: LOGIN_TIMEOUT_MS });
    const granted = Object.entries(SCOPES).filter(([, scope]) => scopes.includes(scope)).map(([name]) => name);
    ctx.stdout.write(`Signed in. The sign-in is kept in ${path} (readable by you alone); allowed: ${granted.join(', ')}.\n`);
    return 0;
  },
};
