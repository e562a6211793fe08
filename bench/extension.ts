import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { startBackend } from '../tests/e2e/backend';
import { launchCilHub } from '../tests/e2e/browser';
import { enroll } from '../tests/e2e/volunteer';

// `npm run bench`, the extension's part: what each built script weighs, and how soon the popup shows
// the volunteer's week. Content scripts run on every Meet and Calendar page, so they have a target
// (under 15 kB minified; shown for the script's own chunk and for all it loads: crxjs's loader and the
// chunks it shares) and must not carry preact or zod (that one is checked: the bench fails).

const DIST = 'dist/extension';
/** The content scripts' target, in bytes (kB as vite prints them: 1,000 bytes). */
const CONTENT_SCRIPT_BUDGET = 15_000;
/** Modules that must never reach a content script: the UI library and the schema library (and what pulls zod in). */
const FORBIDDEN = [/[\\/]node_modules[\\/]preact[\\/]/, /[\\/]node_modules[\\/]zod[\\/]/, /[\\/]shared[\\/]zod\.ts$/, /[\\/]extension[\\/]messages\.ts$/];

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;

interface BuiltManifest {
  background: { service_worker: string };
  action: { default_popup: string };
  content_scripts: { matches: string[]; js: string[] }[];
}

/** The files a script loads, itself first: its static imports, followed through every chunk. */
function loadedFiles(entry: string): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const match of code.matchAll(/(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
      visit(relative(DIST, resolve(DIST, dirname(file), match[1]!)));
    }
  };
  visit(entry);
  return seen;
}

/** crxjs registers a small loader that `import()`s the real chunk through chrome.runtime.getURL. */
function chunkOfLoader(loader: string): string | undefined {
  const code = readFileSync(join(DIST, loader), 'utf8');
  return /chrome\.runtime\.getURL\(\s*["']([^"']+)["']\s*\)/.exec(code)?.[1];
}

/** The files an HTML page loads: its module scripts and their imports, and its stylesheets. */
function pageFiles(page: string): string[] {
  const html = readFileSync(join(DIST, page), 'utf8');
  const files = [page];
  for (const match of html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/g)) {
    const address = match[1]!;
    // Absolute paths start at the extension's root.
    const file = address.startsWith('/') ? address.slice(1) : relative(DIST, resolve(DIST, dirname(page), address));
    for (const loaded of file.endsWith('.js') ? loadedFiles(file) : [file]) if (!files.includes(loaded)) files.push(loaded);
  }
  return files;
}

const bytesOf = (files: string[]) => files.reduce((total, file) => total + readFileSync(join(DIST, file)).length, 0);
const gzipOf = (files: string[]) => gzipSync(Buffer.concat(files.map((file) => readFileSync(join(DIST, file))))).length;

/**
 * Which source modules went into which chunk: the same build again (same config, so the same chunk
 * names) into a scratch folder, read from Rollup's output rather than guessed from the minified code.
 */
async function modulesByChunk(): Promise<Map<string, { id: string; renderedLength: number }[]>> {
  const scratch = mkdtempSync(join(tmpdir(), 'cil-hub-bench-'));
  try {
    const result = await build({ configFile: 'vite.config.ts', logLevel: 'silent', build: { outDir: scratch, emptyOutDir: true } });
    const outputs = (Array.isArray(result) ? result : [result]) as { output?: { type: string; fileName: string; modules?: Record<string, { renderedLength: number }> }[] }[];
    const chunks = new Map<string, { id: string; renderedLength: number }[]>();
    for (const item of outputs.flatMap((output) => output.output ?? [])) {
      if (item.type === 'chunk') chunks.set(item.fileName, Object.entries(item.modules ?? {}).map(([id, module]) => ({ id, renderedLength: module.renderedLength })));
    }
    return chunks;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function printFiles(files: string[]): void {
  for (const file of files) console.log(`      ${file.padEnd(48)} ${kB(readFileSync(join(DIST, file)).length).padStart(10)}`);
}

/** Sizes; throws when a content script carries preact or zod, or when dist/ is not what the sources build to. */
async function scriptFigures(): Promise<void> {
  const manifestPath = join(DIST, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run npm run build:extension first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BuiltManifest;
  const modules = await modulesByChunk();

  console.log('\nExtension scripts (minified bytes; gzip in brackets)');
  for (const script of manifest.content_scripts) {
    const registered = script.js[0]!;
    const chunk = chunkOfLoader(registered);
    const files = chunk ? [registered, ...loadedFiles(chunk)] : loadedFiles(registered);
    const bytes = bytesOf(files);
    const gzip = gzipOf(files);
    const sources = files.flatMap((file) => {
      if (file === registered && chunk) return []; // the loader: crxjs's own code
      const found = modules.get(file);
      if (!found) throw new Error(`${file} is not in a fresh build of the sources: dist/extension is stale; run npm run build:extension.`);
      return found;
    });
    const forbidden = sources.filter((module) => FORBIDDEN.some((pattern) => pattern.test(module.id)));
    const name = script.matches.join(' ');
    const verdict = (size: number) => (size < CONTENT_SCRIPT_BUDGET ? 'within' : 'OVER');
    const chunkBytes = readFileSync(join(DIST, chunk ?? registered)).length;
    console.log(`  content script for ${name}:`);
    console.log(`      its chunk ${kB(chunkBytes)}, ${verdict(chunkBytes)} the ${kB(CONTENT_SCRIPT_BUDGET)} target; all it loads ${kB(bytes)} [${kB(gzip)}], ${verdict(bytes)}`);
    console.log(`      preact or zod in it: ${forbidden.length === 0 ? 'none' : forbidden.map((m) => m.id).join(', ')}`);
    printFiles(files);
    const biggest = [...sources].sort((a, b) => b.renderedLength - a.renderedLength).slice(0, 4);
    console.log(`      largest sources (before minifying): ${biggest.map((m) => `${relative(process.cwd(), m.id)} ${kB(m.renderedLength)}`).join(', ')}`);
    if (forbidden.length > 0) throw new Error(`The content script for ${name} carries ${forbidden.map((m) => m.id).join(', ')}.`);
  }

  for (const [label, files] of [
    ['popup', pageFiles(manifest.action.default_popup)],
    ['service worker', loadedFiles(manifest.background.service_worker)],
  ] as const) {
    console.log(`  ${label}: ${kB(bytesOf(files))} [${kB(gzipOf(files))}]`);
    printFiles(files);
  }
}

/**
 * The popup's time to first render in Chromium, for an enrolled volunteer: from the start of the page's
 * navigation to the first frame that shows the volunteer's name (which needs the service worker's
 * answer), and to the first frame of the page's heading (the page itself, before any answer).
 */
async function popupFirstRender(runs = 10): Promise<void> {
  const backend = await startBackend(new Date());
  const browser = await launchCilHub({ args: backend.chromiumArgs });
  try {
    await (await enroll(browser, backend.demo.enrollmentCode)).close();
    // Marks, in the page's own clock (ms since its navigation started), the frame after each element
    // appears. A string, not a function: tsx would wrap the inner functions in a helper the page lacks.
    await browser.context.addInitScript({ content: FIRST_RENDER_MARKS });
    const samples: { heading: number; week: number }[] = [];
    for (let run = 0; run < runs; run++) {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/${browser.manifest.action.default_popup}`);
      await popup.waitForFunction(() => ((window as unknown as { cilHubMarks: Record<string, number> }).cilHubMarks.week ?? -1) > 0);
      samples.push(await popup.evaluate(() => (window as unknown as { cilHubMarks: { heading: number; week: number } }).cilHubMarks));
      await popup.close();
    }
    const summary = (values: number[]) => {
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      return `mean ${mean.toFixed(1)} ms (min ${Math.min(...values).toFixed(1)}, max ${Math.max(...values).toFixed(1)}, first ${values[0]!.toFixed(1)})`;
    };
    console.log(`\nPopup time to first render in Chromium (${runs} opens, enrolled volunteer)`);
    console.log(`  heading painted:            ${summary(samples.map((s) => s.heading))}`);
    console.log(`  volunteer's week painted:   ${summary(samples.map((s) => s.week))}`);
  } finally {
    await browser.close();
    await backend.close();
  }
}

const FIRST_RENDER_MARKS = `
if (location.protocol === 'chrome-extension:') {
  const marks = (window.cilHubMarks = {});
  for (const [name, selector] of [['heading', 'h1'], ['week', 'p.who']]) {
    const observer = new MutationObserver(() => {
      if (marks[name] !== undefined || !document.querySelector(selector)) return;
      marks[name] = -1;
      observer.disconnect();
      requestAnimationFrame(() => (marks[name] = performance.now()));
    });
    observer.observe(document, { childList: true, subtree: true });
  }
}`;

export async function benchExtension(): Promise<void> {
  await scriptFigures();
  await popupFirstRender();
}
