// What a lead or the execution log is shown of a failure: the message CIL Hub or Google wrote (they say
// what to do and whether anything changed), never a stack trace.

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
