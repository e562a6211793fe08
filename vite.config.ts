import { fileURLToPath } from 'node:url';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
// `.js` names manifest.config.ts the TypeScript way; vite's config loader warns on extensionless imports.
import manifest from './extension/manifest.config.js';

// The Chrome extension build (`npm run build:extension`). The Apps Script bundle has its own config in
// apps-script/. Rooting vite at extension/ keeps manifest paths short and makes extension/public
// (which holds _locales) the public dir that is copied into the output as-is.
export default defineConfig({
  root: fileURLToPath(new URL('./extension', import.meta.url)),
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: fileURLToPath(new URL('./dist/extension', import.meta.url)),
    // The output is outside the root, where vite will not empty it unless told to; stale chunks from
    // an earlier build would otherwise ride along in the loaded extension.
    emptyOutDir: true,
    // Chrome has native modulepreload; vite's polyfill for older browsers would be dead weight.
    modulePreload: { polyfill: false },
  },
});
