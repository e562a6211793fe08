// Builders for the dashboard's tests: the accountability engine's small CIL (world.ts there), with the
// two tabs the dashboard reads besides, and a whole dashboard input from a few lists.
import type { Citizen } from '../../../shared/records/citizen';
import type { Story } from '../../../shared/records/story';
import type { DashboardInput, DashboardRecords } from '../../../shared/dashboard';
import type { CalendarDay } from '../../../shared/time/calendar-day';
import { input, type World } from '../accountability/world';

export * from '../accountability/world';

let counter = 0;

export function story(publishedOn: CalendarDay, change: Partial<Story> = {}): Story {
  return { id: `S-${++counter}`, kind: 'blog post', title: `Story ${publishedOn}`, publishedOn, ...change };
}

export function citizen(consentGivenOn: CalendarDay, change: Partial<Citizen> = {}): Citizen {
  return {
    id: `C-${++counter}`,
    name: `Citizen ${counter}`,
    contact: `citizen${counter}@example.org`,
    consentGivenOn,
    consentText: 'I agree to be contacted about civic projects in my area.',
    ...change,
  };
}

export type DashboardWorld = World & Partial<Pick<DashboardRecords, 'stories' | 'citizens'>>;

export function dashboardInput(world: DashboardWorld = {}): DashboardInput {
  const { today, now, settings, policy: _policy, ...records } = input(world);
  return {
    records: { ...records, projects: records.projects ?? [], stories: world.stories ?? [], citizens: world.citizens ?? [] },
    today,
    now,
    settings,
  };
}
