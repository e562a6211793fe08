// The shape of a Meet code without zod, for code that must stay small (the extension's content scripts
// run on every Meet and Calendar page and are budgeted at 15 kB). meet-code.ts builds the zod schema
// on top of this module and re-exports it, so there is still one definition.

/** A Google Meet meeting code as in the meeting's address: meet.google.com/abc-defg-hij. */
export const MEET_CODE_SHAPE = /^[a-z]{3}-[a-z]{4}-[a-z]{3}$/;

export function isMeetCode(value: unknown): value is string {
  return typeof value === 'string' && MEET_CODE_SHAPE.test(value);
}

// A Meet address inside free text (an event description, a link): the host, an optional `/_meet` (the
// installed-app path), then a code that is not the start of a longer word.
const MEET_ADDRESS = /meet\.google\.com\/(?:_meet\/)?([a-z]{3}-[a-z]{4}-[a-z]{3})(?![a-z0-9-])/i;

/** The code of the first Meet address in `text` (any case; returned lower-case), or undefined. */
export function meetCodeInText(text: string): string | undefined {
  return MEET_ADDRESS.exec(text)?.[1]?.toLowerCase();
}
