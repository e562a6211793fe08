import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Rollup, type UserConfig } from 'vite';
import productConfig from '../../apps-script/vite.config';
import { appsScriptManifest } from '../../apps-script/manifest';
import { loadBundle, type AppsScriptBundle } from '../../sandbox/src/runtime/apps-script-bundle';

// Tests of an Apps Script module that no entry point reaches yet (or that takes Google objects as
// arguments, as a library module does): the module is bundled exactly as the product is (the same
// vite config, with the module as the entry instead of main.ts), so each of its exports becomes a
// top-level function, and the sandbox runs it against its services. The product's dist/ is not
// touched: the bundle is written to a temporary folder with the product's manifest beside it.

/** The Apps Script bundle of one module of apps-script/src, e.g. 'reports/fill-template.ts'. */
export async function bundleModule(modulePath: string): Promise<AppsScriptBundle> {
  const entry = fileURLToPath(new URL(`../../apps-script/src/${modulePath}`, import.meta.url));
  const config = productConfig as UserConfig;
  const output = (await build({
    ...config,
    configFile: false,
    logLevel: 'silent',
    plugins: [],
    build: {
      ...config.build,
      write: false,
      emptyOutDir: false,
      lib: { ...(config.build!.lib as object), entry },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const chunk = (Array.isArray(output) ? output[0]! : output).output.find((file): file is Rollup.OutputChunk => file.type === 'chunk')!;
  const folder = mkdtempSync(join(tmpdir(), 'cil-hub-module-'));
  writeFileSync(join(folder, 'Code.js'), chunk.code);
  writeFileSync(join(folder, 'appsscript.json'), JSON.stringify(appsScriptManifest));
  return loadBundle(join(folder, 'Code.js'));
}
