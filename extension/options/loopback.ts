/**
 * The origin of a web app address on this computer, such as the sandbox's http://127.0.0.1:8787, or
 * undefined for any other address. The manifest lists these hosts as optional: CIL Hub asks for the
 * one an enrollment code names, when the volunteer enrolls with it.
 */
export function loopbackOrigin(url: string): string | undefined {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return undefined;
  }
  const onThisComputer = address.hostname === '127.0.0.1' || address.hostname === 'localhost';
  return address.protocol === 'http:' && onThisComputer ? address.origin : undefined;
}

/** The host an address names, such as script.google.com, to show a volunteer where a code points. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
