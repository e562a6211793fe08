import { z } from '../shared/zod';

// Every message between extension contexts is checked against these schemas when it arrives: the
// sender may be an older page left open across an update, or a content script on a hostile page.

export const StatusRequest = z.strictObject({ type: z.literal('status') });
export type StatusRequest = z.infer<typeof StatusRequest>;

export const Status = z.strictObject({
  enrolled: z.boolean(),
  /** Entries (hours, attendance) recorded in this browser that have not reached the CIL's sheet. */
  queued: z.number().int().nonnegative(),
});
export type Status = z.infer<typeof Status>;

/** Everything the service worker answers; one schema per request type, told apart by `type`. */
export const BackgroundRequest = z.discriminatedUnion('type', [StatusRequest]);
export type BackgroundRequest = z.infer<typeof BackgroundRequest>;
