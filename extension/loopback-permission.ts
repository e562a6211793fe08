// The one rule for the sandbox's host permission, used by the options page (which asks for it on the
// volunteer's click) and the service worker (which checks it before calling the web app). Both must
// name the same pattern: Chrome grants exactly what was asked, and a port-specific grant
// (http://127.0.0.1:8787/*) does not contain the portless pattern, so a page asking for one and a
// worker checking the other would never agree.

/** The manifest's optional_host_permissions, portless: one grant covers a sandbox on any port. */
export type LoopbackPermission = 'http://127.0.0.1/*' | 'http://localhost/*';

/**
 * The optional host permission a web app address on this computer needs, or null for any other
 * address (Google's hosts are granted by the manifest; https or [::1] on loopback has no permission).
 */
export function loopbackPermissionFor(url: string): LoopbackPermission | null {
  let address: URL;
  try {
    address = new URL(url);
  } catch {
    return null;
  }
  if (address.protocol !== 'http:') return null;
  if (address.hostname === '127.0.0.1') return 'http://127.0.0.1/*';
  if (address.hostname === 'localhost') return 'http://localhost/*';
  return null;
}
