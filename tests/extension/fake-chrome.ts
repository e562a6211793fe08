/// <reference types="chrome" />
// The extension code uses the global `chrome`; the root tsconfig that checks tests/ loads only Node's
// types, so this helper brings in Chrome's for every extension test.
import { fakeBrowser } from '@webext-core/fake-browser';
import { vi } from 'vitest';
import englishMessages from '../../extension/public/_locales/en/messages.json' with { type: 'json' };

interface LocaleEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

/**
 * `chrome.i18n.getMessage` over the real English messages.json, so tests see the strings a volunteer
 * sees. Follows Chrome's rules for what CIL Hub uses: named `$NAME$` placeholders (case-insensitive)
 * whose content is `$1`…, and '' for an unknown key.
 */
function getMessage(key: string, substitutions?: string | Array<string | number>): string {
  if (key === '@@bidi_dir') return 'ltr';
  const entry = (englishMessages as Record<string, LocaleEntry>)[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : [substitutions].flat().map(String);
  const fill = (content: string) => content.replace(/\$(\d)/g, (_, n: string) => values[Number(n) - 1] ?? '');
  return entry.message.replace(/\$(\w+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

/**
 * Installs a fresh in-memory `chrome` (runtime messaging, alarms, storage from @webext-core/fake-browser,
 * plus i18n and openOptionsPage, which it leaves unimplemented). Undo with `vi.unstubAllGlobals()`.
 */
export function installFakeChrome() {
  fakeBrowser.reset();
  const openOptionsPage = vi.fn(async () => {});
  vi.stubGlobal('chrome', {
    ...fakeBrowser,
    i18n: { ...fakeBrowser.i18n, getMessage },
    runtime: { ...fakeBrowser.runtime, openOptionsPage },
  });
  return { fakeBrowser, openOptionsPage };
}
