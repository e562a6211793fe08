const unitMillis: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** '90m', '3h', '2d', '1w', or a sum such as '1d12h'. */
export function parseDuration(text: string): number {
  const parts = [...text.matchAll(/(\d+)([smhdw])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text.trim()) {
    throw new Error(`"${text}" is not a duration: use a number and a unit s, m, h, d or w, e.g. 3h, 2d, 1w or 1d12h.`);
  }
  return parts.reduce((total, [, count, unit]) => total + Number(count) * unitMillis[unit!]!, 0);
}
