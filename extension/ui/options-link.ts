// The options page's address with an enrollment code in it: how the enrollment email's link reaches
// the page (see content/enrollment-link.ts). The code travels in the fragment, which never leaves the
// browser, and the page removes it from its address once read.

const CODE_PARAMETER = 'code';

/** The options page, with `code` filled into its enrollment form. */
export function optionsPageWithCode(code: string): string {
  // crxjs may rename the page at build time; the built manifest knows where it ended up.
  const page = chrome.runtime.getManifest().options_ui?.page ?? 'options/index.html';
  return `${chrome.runtime.getURL(page)}#${new URLSearchParams({ [CODE_PARAMETER]: code })}`;
}

/** The code an address fragment such as `#code=cilhub1.…` carries, or undefined. */
export function codeFromFragment(fragment: string): string | undefined {
  const code = new URLSearchParams(fragment.replace(/^#/, '')).get(CODE_PARAMETER);
  return code === null || code.trim() === '' ? undefined : code;
}

/**
 * The code the options page was opened with, removed from the address as it is read: the token should
 * not linger in the tab's address or its history entry, nor fill the form again on reload.
 */
export function takeCodeFromAddress(): string | undefined {
  const code = codeFromFragment(location.hash);
  if (code !== undefined) history.replaceState(null, '', `${location.pathname}${location.search}`);
  return code;
}
