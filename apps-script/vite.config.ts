import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import { appsScriptManifest } from './manifest';
import { writeFileSync, mkdirSync } from 'node:fs';

const outDir = fileURLToPath(new URL('../dist/apps-script', import.meta.url));

// Apps Script runs one classic script with no module system: bundle everything into an IIFE that
// assigns the entry points onto the global object, and append a `function name() {}` stub per entry
// point, because Apps Script only offers top-level function declarations as menu, trigger and web app
// targets. At load time the IIFE's assignments replace the hoisted stubs with the real functions.
export default defineConfig({
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2019',
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('./src/main.ts', import.meta.url)),
      formats: ['iife'],
      name: 'globalThis',
      fileName: () => 'Code.js',
    },
    rollupOptions: {
      output: {
        extend: true,
        // Without this the global object gets Symbol.toStringTag "Module".
        generatedCode: { symbols: false },
        footer: (chunk) => chunk.exports.map((name) => `function ${name}() {}`).join('\n'),
      },
    },
  },
  plugins: [
    {
      name: 'cil-hub-apps-script-manifest',
      writeBundle() {
        mkdirSync(outDir, { recursive: true });
        writeFileSync(`${outDir}/appsscript.json`, `${JSON.stringify(appsScriptManifest, null, 2)}\n`);
      },
    },
  ],
});
