import type { LoggedCheckIn } from './check-in';
import type { CilRollup } from './cil-rollup';
import type { FallingBehindRow } from './national-tabs';

// The "Falling behind" list: each CIL falling behind today with its reasons (one a line) and its
// mentor check-in, then each CIL the rollup could not read with what stopped it, so CfP sees both.

/** The check-in as the list names it: its log row, status and who proposed it. */
export const checkInWords = (checkIn: LoggedCheckIn) => `${checkIn.eventId} (${checkIn.status}, by ${checkIn.by}, ${checkIn.at.slice(0, 10)})`;

export function fallingBehindRowOf(rollup: CilRollup, spreadsheetUrl?: string): FallingBehindRow {
  const row: FallingBehindRow = {
    cilId: rollup.cilId,
    cilName: rollup.cilName,
    quarter: rollup.quarter,
    state: 'falling behind',
    reasons: rollup.reasons.map((reason) => reason.summary).join('\n'),
  };
  if (rollup.checkIn) row.checkIn = checkInWords(rollup.checkIn);
  if (spreadsheetUrl !== undefined) row.spreadsheet = spreadsheetUrl;
  return row;
}

export interface UnreadCil {
  cilId: string;
  name: string;
  problem: string;
}

export const notReadRowOf = ({ cilId, name, problem }: UnreadCil): FallingBehindRow => ({ cilId, cilName: name, state: 'not read', reasons: problem });

/** The list: CILs falling behind, by name, then CILs not read. */
export function fallingBehindList(rollups: readonly CilRollup[], unread: readonly UnreadCil[], urls: ReadonlyMap<string, string> = new Map()): FallingBehindRow[] {
  const byName = (a: { cilName: string }, b: { cilName: string }) => a.cilName.localeCompare(b.cilName);
  return [
    ...rollups.filter((rollup) => rollup.fallingBehind).map((rollup) => fallingBehindRowOf(rollup, urls.get(rollup.cilId))).sort(byName),
    ...unread.map(notReadRowOf).sort(byName),
  ];
}
