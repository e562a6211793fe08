import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';

/** A built Apps Script project: its one classic script and, when present, its manifest. */
export interface AppsScriptBundle {
  path: string;
  script: vm.Script;
  /** The top-level function declarations: what Apps Script offers as entry points. */
  entryPoints: string[];
  manifest: { timeZone?: string; oauthScopes?: string[]; [key: string]: unknown } | null;
}

export class BundleError extends Error {}

export function loadBundle(path: string): AppsScriptBundle {
  if (!existsSync(path)) {
    throw new BundleError(`No Apps Script bundle at ${path}. Run \`npm run build\` first, or pass --bundle FILE.`);
  }
  const code = readFileSync(path, 'utf8');
  let script: vm.Script;
  try {
    script = new vm.Script(code, { filename: path });
  } catch (error) {
    throw new BundleError(`${path} is not a script Apps Script could load: ${(error as Error).message}`);
  }
  const manifestPath = join(dirname(path), 'appsscript.json');
  const manifest = existsSync(manifestPath) ? JSON.parse(readFileSync(manifestPath, 'utf8')) : null;
  return { path, script, entryPoints: topLevelFunctions(code), manifest };
}

/** Names declared by `function name(` at the start of a line outside any block: Apps Script's entry points. */
function topLevelFunctions(code: string): string[] {
  const names = new Set<string>();
  for (const match of code.matchAll(/^function\s+([A-Za-z_$][\w$]*)\s*\(/gm)) names.add(match[1]!);
  return [...names];
}
