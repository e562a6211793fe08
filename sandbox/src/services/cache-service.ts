import type { ExecutionContext } from '../execution';
import type { CacheEntryState } from '../workspace';
import { fail, googleErrors } from '../google-errors';

// CacheService (developers.google.com/apps-script/reference/cache/cache): string values that expire
// by the simulated clock. Keys up to 250 characters, values up to 100 KB, expiry 1 s to 6 h (21600 s),
// 10 minutes by default. Google may also evict entries early when a cache holds over ~1000 items;
// the sandbox never evicts early, so code relying on a hit must still handle a miss on its own.

const MAX_KEY_LENGTH = 250;
const DEFAULT_EXPIRATION_SECONDS = 600;
const MAX_EXPIRATION_SECONDS = 21_600;

export class Cache {
  readonly #ctx: ExecutionContext;
  readonly #entries: () => Record<string, CacheEntryState>;

  constructor(ctx: ExecutionContext, entries: () => Record<string, CacheEntryState>) {
    this.#ctx = ctx;
    this.#entries = entries;
  }

  #key(key: unknown): string {
    if (typeof key !== 'string' || key === '') fail(googleErrors.invalidArgument('key'));
    if (key.length > MAX_KEY_LENGTH) fail(googleErrors.cacheKeyTooLong());
    return key;
  }

  #value(value: unknown): string {
    if (value === null || value === undefined) fail(googleErrors.invalidArgument('value'));
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > this.#ctx.quotas.cacheValueBytes) fail(googleErrors.cacheValueTooLarge());
    return text;
  }

  #expiresAt(expirationInSeconds: unknown): Date {
    if (
      typeof expirationInSeconds !== 'number' ||
      !Number.isInteger(expirationInSeconds) ||
      expirationInSeconds < 1 ||
      expirationInSeconds > MAX_EXPIRATION_SECONDS
    ) {
      fail(googleErrors.invalidArgument('expirationInSeconds'));
    }
    return new Date(this.#ctx.now().getTime() + expirationInSeconds * 1000);
  }

  #live(key: string): string | null {
    const entries = this.#entries();
    const entry = entries[key];
    if (!entry) return null;
    if (entry.expiresAt.getTime() <= this.#ctx.now().getTime()) {
      delete entries[key];
      return null;
    }
    return entry.value;
  }

  get(key: string): string | null {
    return this.#live(this.#key(key));
  }

  /** The keys found, with their values; missing and expired keys are left out. */
  getAll(keys: string[]): Record<string, string> {
    if (!Array.isArray(keys)) fail(googleErrors.invalidArgument('keys'));
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.#live(this.#key(key));
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds: number = DEFAULT_EXPIRATION_SECONDS): void {
    const entry = { value: this.#value(value), expiresAt: this.#expiresAt(expirationInSeconds) };
    this.#entries()[this.#key(key)] = entry;
  }

  /** Stores every pair or, when one is refused, none. */
  putAll(values: Record<string, unknown>, expirationInSeconds: number = DEFAULT_EXPIRATION_SECONDS): void {
    if (values === null || typeof values !== 'object') fail(googleErrors.invalidArgument('values'));
    const expiresAt = this.#expiresAt(expirationInSeconds);
    const checked = Object.entries(values).map(([key, value]) => [this.#key(key), this.#value(value)] as const);
    const entries = this.#entries();
    for (const [key, value] of checked) entries[key] = { value, expiresAt };
  }

  remove(key: string): void {
    delete this.#entries()[this.#key(key)];
  }

  removeAll(keys: string[]): void {
    if (!Array.isArray(keys)) fail(googleErrors.invalidArgument('keys'));
    const checked = keys.map((key) => this.#key(key));
    const entries = this.#entries();
    for (const key of checked) delete entries[key];
  }
}

export function createCacheService(ctx: ExecutionContext) {
  const cache = ctx.state.cache;
  return {
    getScriptCache(): Cache {
      return new Cache(ctx, () => cache.script);
    },

    /** "specific to the current user of the script" (developers.google.com/apps-script/reference/cache/cache-service#getUserCache). */
    getUserCache(): Cache {
      const email = ctx.state.user.email;
      return new Cache(ctx, () => (cache.user[email] ??= {}));
    },

    /** The cache of the document the script is bound to; null outside one, as Google returns. */
    getDocumentCache(): Cache | null {
      const documentId = ctx.activeSpreadsheetId;
      if (documentId === null) return null;
      return new Cache(ctx, () => (cache.document[documentId] ??= {}));
    },
  };
}
