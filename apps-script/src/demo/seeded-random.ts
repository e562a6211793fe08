// A small deterministic random source for the demo CIL, so two demos set up at the same moment are
// identical. Marsaglia's xorshift32 ("Xorshift RNGs", 2003): plenty for made-up attendance, and never
// for anything secret (enrollment tokens come from Utilities.getUuid).

export interface SeededRandom {
  /** In [0, 1). */
  next(): number;
  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `length` lower-case hex digits. */
  hex(length: number): string;
  /** A version-4-shaped UUID, like the ids the extension gives its entries. */
  uuid(): string;
  /** `length` lower-case letters. */
  letters(length: number): string;
}

export function seededRandom(seed: number): SeededRandom {
  // xorshift never leaves 0, so a zero seed is moved off it.
  let state = seed >>> 0 || 0x9e3779b9;
  const next = () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const hex = (length: number) => Array.from({ length }, () => int(0, 15).toString(16)).join('');
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick: (items) => items[int(0, items.length - 1)]!,
    hex,
    uuid: () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`,
    letters: (length) => Array.from({ length }, () => String.fromCharCode(97 + int(0, 25))).join(''),
  };
}
