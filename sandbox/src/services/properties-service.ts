import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';

// PropertiesService (developers.google.com/apps-script/reference/properties): string key/value stores
// kept in `state.properties`. Quotas (…/guides/services/quotas): 9 KB per value, 500 KB per store.
// A write the quota refuses changes nothing, and setProperties is all-or-nothing.

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const storeBytes = (store: Record<string, string>): number =>
  Object.entries(store).reduce((total, [key, value]) => total + utf8Bytes(key) + utf8Bytes(value), 0);

function checkedKey(key: unknown): string {
  if (typeof key !== 'string' || key === '') fail(googleErrors.invalidArgument('key'));
  return key;
}

/** Values are stored as strings, as Google stores them; null and undefined are refused rather than stored as 'null'. */
function checkedValue(ctx: ExecutionContext, value: unknown): string {
  if (value === null || value === undefined) fail(googleErrors.invalidArgument('value'));
  const text = String(value);
  if (utf8Bytes(text) > ctx.quotas.propertyValueBytes) fail(googleErrors.propertyValueTooLarge());
  return text;
}

export class Properties {
  readonly #ctx: ExecutionContext;
  readonly #store: () => Record<string, string>;
  readonly #replace: (next: Record<string, string>) => void;

  constructor(ctx: ExecutionContext, store: () => Record<string, string>, replace: (next: Record<string, string>) => void) {
    this.#ctx = ctx;
    this.#store = store;
    this.#replace = replace;
  }

  /** Writes `next` as the whole store if it fits the quota; otherwise throws and leaves the store as it was. */
  #commit(next: Record<string, string>): this {
    if (storeBytes(next) > this.#ctx.quotas.propertyStoreBytes) fail(googleErrors.propertyStoreFull());
    this.#replace(next);
    return this;
  }

  getProperty(key: string): string | null {
    return this.#store()[checkedKey(key)] ?? null;
  }

  getProperties(): Record<string, string> {
    return { ...this.#store() };
  }

  getKeys(): string[] {
    return Object.keys(this.#store());
  }

  setProperty(key: string, value: string): this {
    const checked = checkedKey(key);
    return this.#commit({ ...this.#store(), [checked]: checkedValue(this.#ctx, value) });
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    if (properties === null || typeof properties !== 'object') fail(googleErrors.invalidArgument('properties'));
    const next: Record<string, string> = deleteAllOthers ? {} : { ...this.#store() };
    for (const [key, value] of Object.entries(properties)) next[checkedKey(key)] = checkedValue(this.#ctx, value);
    return this.#commit(next);
  }

  deleteProperty(key: string): this {
    const next = { ...this.#store() };
    delete next[checkedKey(key)];
    this.#replace(next);
    return this;
  }

  deleteAllProperties(): this {
    this.#replace({});
    return this;
  }
}

export function createPropertiesService(ctx: ExecutionContext) {
  const properties = ctx.state.properties;
  return {
    getScriptProperties(): Properties {
      return new Properties(ctx, () => properties.script, (next) => (properties.script = next));
    },

    /**
     * "a property store that can be accessed only by the current user, inside the current script"
     * (developers.google.com/apps-script/reference/properties/properties-service#getUserProperties):
     * each account its own, so a trigger reads its owner's, never those of whoever else uses the script.
     */
    getUserProperties(): Properties {
      const email = ctx.state.user.email;
      return new Properties(ctx, () => properties.user[email] ?? {}, (next) => (properties.user[email] = next));
    },

    /** The properties of the document the script is bound to; null outside one (web app, trigger). */
    getDocumentProperties(): Properties | null {
      const documentId = ctx.activeSpreadsheetId;
      if (documentId === null) return null;
      return new Properties(
        ctx,
        () => properties.document[documentId] ?? {},
        (next) => (properties.document[documentId] = next),
      );
    },
  };
}
