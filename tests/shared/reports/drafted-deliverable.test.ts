import { describe, expect, it } from 'vitest';
import { deliverableSchema } from '../../../shared/records/deliverable';
import { addDays } from '../../../shared/time/calendar-day';
import { assessmentOf, deliverable, evaluate, inTouch, TODAY, volunteer } from '../accountability/world';

// A report CIL Hub drafted is still owed: the rules engine counts a deliverable as outstanding until
// its "Submitted on" is set, whatever its status says short of 'waived'.

const yesterday = addDays(TODAY, -1);
const link = 'https://docs.google.com/document/d/abc/edit';

describe("a deliverable marked 'drafted'", () => {
  it('is a status the Deliverables tab accepts, with no "Submitted on"', () => {
    const row = deliverable('V-1', yesterday, { status: 'drafted', link });
    expect(deliverableSchema.safeParse(row).success).toBe(true);
  });

  it.each([
    ['pending, past due', { status: 'pending' as const }, 'inactive'],
    ['drafted, past due', { status: 'drafted' as const, link }, 'inactive'],
    ['drafted, then submitted', { status: 'drafted' as const, link, submittedOn: yesterday }, 'active'],
  ])('%s → %s', (_, change, standing) => {
    const result = evaluate({ volunteers: [volunteer('V-1')], deliverables: [deliverable('V-1', yesterday, change)], hours: [inTouch()] });
    expect(assessmentOf(result).standing).toBe(standing);
  });

  it('is overdue for the same reason as a pending one', () => {
    const result = evaluate({ volunteers: [volunteer('V-1')], deliverables: [deliverable('V-1', yesterday, { status: 'drafted', link })], hours: [inTouch()] });
    expect(assessmentOf(result).reasons.map((reason) => reason.code)).toEqual(['missed deadline']);
  });
});
