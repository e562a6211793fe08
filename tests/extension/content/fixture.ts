import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// node:path rather than `new URL(…, import.meta.url)`: under happy-dom, URL is the page's, not Node's.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

/** The text of a saved page under tests/fixtures (e.g. 'meet/current-in-call.html'). */
export function fixtureText(name: string): string {
  return readFileSync(join(fixtures, name), 'utf8');
}

/**
 * Makes the test's document the saved page: its <html> attributes (lang, dir), head (title) and body,
 * as if the browser had loaded it.
 */
export function loadFixture(name: string): Document {
  // happy-dom does not fetch stylesheets and reports each <link> it cannot load; the pages need none.
  const html = fixtureText(name).replace(/<link\b[^>]*>/g, '');
  const saved = new DOMParser().parseFromString(html, 'text/html');
  const root = document.documentElement;
  for (const attribute of [...root.attributes]) root.removeAttribute(attribute.name);
  for (const attribute of [...saved.documentElement.attributes]) root.setAttribute(attribute.name, attribute.value);
  document.head.replaceChildren(...[...saved.head.childNodes].map((node) => document.importNode(node, true)));
  document.body.replaceWith(document.importNode(saved.body, true));
  return document;
}

/** The address each saved page was saved from (its comment's "Address:" line). */
export function fixtureAddress(name: string): string {
  const address = /Address: (\S+)/.exec(fixtureText(name))?.[1];
  if (!address) throw new Error(`${name} names no address`);
  return address;
}
