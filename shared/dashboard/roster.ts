import { weeklyCommitmentOf } from '../records/expectations';
import type { Settings } from '../records/settings';
import type { Volunteer } from '../records/volunteer';
import { inSpan, type Windows } from './windows';

/** A volunteer on the roster now (active, warned or on leave), with their weekly commitment. */
export interface Member {
  volunteer: Volunteer;
  commitment: number;
  /** Active or warned: the members whose hours and meetings the handbook expects (not those on leave). */
  expected: boolean;
}

export interface RosterTally {
  byId: Map<string, Volunteer>;
  /** In roster order. */
  members: Member[];
  newMembers: { current: number; previous: number };
  /** Each week shown: the commitments of expected members who had joined by its last day. */
  committed: number[];
  /** The expected members' weekly commitments over a quarter's 13 weeks (the default hours target). */
  quarterCommitment: number;
}

const WEEKS_PER_QUARTER = 13;

const isMember = (volunteer: Volunteer) => volunteer.status === 'active' || volunteer.status === 'warned' || volunteer.status === 'on leave';

/** The Volunteers tab in one pass. The roster holds no history of statuses: today's status stands for every week shown. */
export function tallyRoster(volunteers: readonly Volunteer[], windows: Windows, settings: Settings): RosterTally {
  const tally: RosterTally = {
    byId: new Map(),
    members: [],
    newMembers: { current: 0, previous: 0 },
    committed: windows.weeks.map(() => 0),
    quarterCommitment: 0,
  };
  for (const volunteer of volunteers) {
    tally.byId.set(volunteer.id, volunteer);
    if (volunteer.joinedOn <= windows.today) {
      if (inSpan(windows.quarter, volunteer.joinedOn)) tally.newMembers.current++;
      else if (inSpan(windows.previous, volunteer.joinedOn)) tally.newMembers.previous++;
    }
    if (!isMember(volunteer)) continue;
    const member: Member = { volunteer, commitment: weeklyCommitmentOf(volunteer, settings), expected: volunteer.status !== 'on leave' };
    tally.members.push(member);
    if (!member.expected) continue;
    tally.quarterCommitment += member.commitment * WEEKS_PER_QUARTER;
    windows.weeks.forEach((week, i) => {
      if (volunteer.joinedOn <= week.last) tally.committed[i]! += member.commitment;
    });
  }
  return tally;
}
