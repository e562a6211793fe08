import { describe, expect, it } from 'vitest';
import { createCacheService } from '../../../sandbox/src/services/cache-service';
import { errorOf, serviceContext } from './service-context';

const setup = (activeSpreadsheetId: string | null = null) => {
  const ctx = serviceContext({ activeSpreadsheetId });
  return { ctx, CacheService: createCacheService(ctx) };
};

describe('CacheService', () => {
  it('expires a value by the simulated clock, 10 minutes by default', () => {
    const { ctx, CacheService } = setup();
    const cache = CacheService.getScriptCache();
    cache.put('roster', '[1,2]');
    ctx.advance(599_999);
    expect(cache.get('roster')).toBe('[1,2]');
    ctx.advance(1);
    expect(cache.get('roster')).toBeNull();
  });

  it('honours a given expiry and answers null for an absent key', () => {
    const { ctx, CacheService } = setup();
    const cache = CacheService.getUserCache();
    cache.put('a', '1', 21_600);
    ctx.advance(21_599_000);
    expect(cache.get('a')).toBe('1');
    expect(cache.get('b')).toBeNull();
  });

  it("keeps each person's user cache to them", () => {
    const { ctx, CacheService } = setup();
    CacheService.getUserCache().put('led', 'lead');
    const lead = ctx.state.user;
    ctx.state.user = { ...lead, email: 'co-lead@example.org' };
    expect(CacheService.getUserCache().get('led')).toBeNull();
    ctx.state.user = lead;
    expect(CacheService.getUserCache().get('led')).toBe('lead');
  });

  it('getAll returns only the live keys; putAll, remove and removeAll', () => {
    const { CacheService } = setup();
    const cache = CacheService.getScriptCache();
    cache.putAll({ a: '1', b: '2', c: '3' });
    cache.remove('a');
    expect(cache.getAll(['a', 'b', 'c', 'd'])).toEqual({ b: '2', c: '3' });
    cache.removeAll(['b', 'c']);
    expect(cache.getAll(['b', 'c'])).toEqual({});
  });

  it('refuses keys over 250 characters, values over 100 KB and expiries outside 1 s to 6 h', () => {
    const { CacheService } = setup();
    const cache = CacheService.getScriptCache();
    cache.put('k'.repeat(250), 'ok');
    expect(errorOf(() => cache.put('k'.repeat(251), 'v'))).toBe('Argument too large: key');
    cache.put('fits', 'x'.repeat(100 * 1024));
    expect(errorOf(() => cache.put('big', 'x'.repeat(100 * 1024 + 1)))).toBe('Argument too large: value');
    expect(errorOf(() => cache.put('k', 'v', 21_601))).toBe('Invalid argument: expirationInSeconds');
    expect(errorOf(() => cache.put('k', 'v', 0))).toBe('Invalid argument: expirationInSeconds');
    expect(cache.get('big')).toBeNull();
  });

  it('putAll stores nothing when one value is refused', () => {
    const { CacheService } = setup();
    const cache = CacheService.getScriptCache();
    expect(errorOf(() => cache.putAll({ a: '1', big: 'x'.repeat(100 * 1024 + 1) }))).toBe('Argument too large: value');
    expect(cache.get('a')).toBeNull();
  });

  it('has a document cache only inside a bound document, kept per document', () => {
    expect(setup().CacheService.getDocumentCache()).toBeNull();
    const { ctx, CacheService } = setup('sheet-1');
    CacheService.getDocumentCache()!.put('k', 'v');
    expect(Object.keys(ctx.state.cache.document)).toEqual(['sheet-1']);
    expect(CacheService.getScriptCache().get('k')).toBeNull();
  });
});
