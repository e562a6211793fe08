/** The host an address names, such as script.google.com, to show a volunteer where a code points. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * The Apps Script deployment id in a web app address (the segment after /macros/s/, or after
 * /a/macros/<domain>/s/), or undefined for another address (the sandbox). Every CIL's web app is on
 * script.google.com: the id is what tells one from another, so a volunteer can compare it with the
 * address their lead sent.
 */
export function deploymentIdOf(url: string): string | undefined {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return undefined;
  }
  // A Workspace domain's web apps live under /a/macros/<domain>/s/<id>/.
  return /^(?:\/a\/macros\/[^/]+|\/macros)\/s\/([^/]+)\//.exec(address.pathname)?.[1];
}
