// The national rollup (issue 9): each CIL's quarters and standing for CfP's national view. Pure.
export { checkInEvent, checkInOf, ROLLUP_BY, sameAddress, type CheckInRow, type LoggedCheckIn } from './check-in';
export {
  behindOnMost,
  cilStartOf,
  defaultRollupPolicy,
  NATIONAL_REASON_CODE,
  rollUpCil,
  rolledUpQuarters,
  type CilRollup,
  type CilRollupInput,
  type NationalReason,
  type RollupPolicy,
  type RollupRecords,
} from './cil-rollup';
export { checkInWords, fallingBehindList, fallingBehindRowOf, notReadRowOf, type UnreadCil } from './falling-behind';
export * from './national-tabs';
export { mergeQuarterRows, quarterRowKey, type MergedQuarterRows } from './quarter-rows';
export { trendOf } from './trend';
