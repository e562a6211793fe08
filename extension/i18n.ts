import type englishMessages from './public/_locales/en/messages.json';

// English is the default locale, so every key must exist there; typing keys from that file turns a
// misspelt key into a compile error instead of a blank label (getMessage returns '' for unknown keys).
export type MessageKey = keyof typeof englishMessages;

/** The text for `key` in the browser's language (or English), with `$1`… filled from `substitutions`. */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  return chrome.i18n.getMessage(key, substitutions);
}

/** Titles an extension page and marks its language and direction, which static HTML cannot know. */
export function localisePage(titleKey: MessageKey): void {
  document.title = t(titleKey);
  document.documentElement.lang = t('pageLanguage');
  document.documentElement.dir = chrome.i18n.getMessage('@@bidi_dir');
}
