// Builders for the national rollup's tests: the dashboard's small CIL (the accountability engine's
// world, with Stories; TODAY is Thursday 2026-11-19, in 2026-Q4), and a rollup input from a few lists.
import type { CilRollupInput } from '../../../shared/rollup';
import type { Story } from '../../../shared/records/story';
import { input, type World } from '../accountability/world';

export * from '../dashboard/world';

export type RollupWorld = World & { stories?: Story[] };

export function rollupInput(world: RollupWorld = {}, cilId = 'cil-lahore'): CilRollupInput {
  const { today, now, settings, policy: _policy, ...records } = input(world);
  return { cilId, records: { ...records, stories: world.stories ?? [] }, settings, today, now };
}
