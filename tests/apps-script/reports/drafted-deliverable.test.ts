/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { deliverablesTab, type Deliverable } from '../../../shared/records/deliverable';
import { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import { asLead, sheetState } from '../as-lead';
import { recordsOf } from '../daily-run-fixture';
import { setUpDemo, type Demo, type GenerateAnswer, type Generated } from './report-fixture';

// Marking the report's Deliverables row drafted, while a lead works in the tab. Copying and filling
// the Doc takes hundreds of Docs calls; the script lock does not stop a lead sorting the tab,
// inserting a row or filling in "Submitted on" meanwhile. Each lead's edit here runs in the middle of
// the generation (the sandbox's interleave), and the row marked must be the report's own, with only
// its Status and Link changed.

const REQUEST = { kind: 'quarterly story', period: '2026-Q4' };

const deliverables = (demo: Demo) => recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab);
const story = (demo: Demo) => deliverables(demo).find((d) => d.kind === 'quarterly story')!;
const rows = (demo: Demo) => structuredClone(sheetState(demo.sandbox, demo.spreadsheetId, 'Deliverables').values);

/** Half the service calls the generation makes, counted on a copy of the workspace: a moment in the middle of the fill. */
function midway(demo: Demo): number {
  const copy = new Sandbox(structuredClone(demo.sandbox.state), demo.sandbox.bundle);
  const run = copy.run('generateReport', [{ cilId: demo.cilId, ...REQUEST }]);
  expect(run.error).toBeNull();
  return Math.floor(run.meter.serviceCalls / 2);
}

/** Generates the quarterly story with `edit` (a lead's, in the Deliverables tab) run half-way through. */
function generateWhile(demo: Demo, edit: (spreadsheetId: string, id: string) => void): GenerateAnswer {
  const afterCalls = midway(demo);
  const id = story(demo).id;
  const run = demo.sandbox.run('generateReport', [{ cilId: demo.cilId, ...REQUEST }], {
    interleave: { afterCalls, run: () => asLead(demo.sandbox, edit, [demo.spreadsheetId, id]) },
  });
  expect(run.error).toBeNull();
  return run.value as GenerateAnswer;
}

const ok = (answer: GenerateAnswer): Generated => {
  if (!answer.ok) throw new Error(answer.message);
  return answer;
};


describe('marking the deliverable drafted while a lead works in the Deliverables tab', () => {
  it('marks the right row after the lead inserted a row above it, and leaves the row now in its old place alone', () => {
    const demo = setUpDemo();
    const before = story(demo);
    const rowNumberWas = rows(demo).findIndex((cells) => cells[0] === before.id) + 1;
    const answer = ok(
      generateWhile(demo, (spreadsheetId) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        const added = sheet.getRange(2, 1, 1, sheet.getLastColumn()).getValues()[0]!;
        added.splice(0, 3, 'd-added', 'other', 'Partner thank-you letter');
        sheet.insertRowBefore(2);
        sheet.getRange(2, 1, 1, added.length).setValues([added]);
      }),
    );
    const after = rows(demo);
    // The row that moved into the story's old place is the one it was just above: untouched.
    expect(after[rowNumberWas - 1]![0]).not.toBe(before.id);
    expect(deliverables(demo).filter((d) => d.id !== before.id && d.status === 'drafted')).toEqual([]);
    expect(story(demo)).toEqual({ ...before, status: 'drafted', link: answer.docUrl });
    expect(answer.deliverable).toEqual({ id: before.id, title: before.title, status: 'drafted' });
  });

  it('marks the right row after the lead sorted the tab', () => {
    const demo = setUpDemo();
    const before = deliverables(demo);
    const answer = ok(
      generateWhile(demo, (spreadsheetId) => {
        // What sorting by "Due on", latest first, leaves in the tab.
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        const range = sheet.getRange(2, 1, sheet.getLastRow() - 1, sheet.getLastColumn());
        range.setValues(range.getValues().sort((a, b) => (b[5] as Date).getTime() - (a[5] as Date).getTime()));
      }),
    );
    const after = deliverables(demo);
    expect(after.map((d) => d.id)).not.toEqual(before.map((d) => d.id));
    const expected = before.map((d) => (d.kind === 'quarterly story' ? { ...d, status: 'drafted', link: answer.docUrl } : d));
    expect([...after].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...expected].sort((a, b) => a.id.localeCompare(b.id)));
  });

  it('keeps what the lead typed into the row meanwhile, changing only Status and Link', () => {
    const demo = setUpDemo();
    const answer = ok(
      generateWhile(demo, (spreadsheetId, id) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        const row = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((cells) => cells[0] === id) + 1;
        sheet.getRange(row, 3).setValue('Quarterly story: the open house and the tracker');
        sheet.getRange(row, 6).setValue(new Date('2027-01-10T00:00:00+05:00'));
      }),
    );
    expect(story(demo)).toMatchObject({
      title: 'Quarterly story: the open house and the tracker',
      dueOn: '2027-01-10',
      status: 'drafted',
      link: answer.docUrl,
    });
  });

  it('leaves a row the lead submitted meanwhile submitted, without the link, and says so', () => {
    const demo = setUpDemo();
    const before = rows(demo);
    const answer = ok(
      generateWhile(demo, (spreadsheetId, id) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        const row = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((cells) => cells[0] === id) + 1;
        sheet.getRange(row, 7, 1, 2).setValues([[new Date('2026-11-27T00:00:00+05:00'), 'submitted']]);
      }),
    );
    const row = story(demo);
    expect(row).toMatchObject({ status: 'submitted', submittedOn: '2026-11-27' });
    expect(row.link).toBeUndefined();
    expect(rows(demo).filter((cells) => cells[0] !== row.id)).toEqual(before.filter((cells) => cells[0] !== row.id));
    expect(answer.deliverable).toEqual({ id: row.id, title: row.title, status: 'submitted' });
    expect(answer.notes).toContain(`"${row.title}" is already submitted in the Deliverables tab; it was left as it is.`);
  });

  it('treats a row whose "Submitted on" the lead filled in as submitted, whatever its status says', () => {
    const demo = setUpDemo();
    const answer = ok(
      generateWhile(demo, (spreadsheetId, id) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        const row = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((cells) => cells[0] === id) + 1;
        sheet.getRange(row, 7).setValue(new Date('2026-11-27T00:00:00+05:00'));
      }),
    );
    expect(story(demo)).toMatchObject({ status: 'pending', submittedOn: '2026-11-27' });
    expect(story(demo).link).toBeUndefined();
    expect(answer.deliverable?.status).toBe('submitted');
  });

  it('marks nothing when the lead deleted the row meanwhile, and says so', () => {
    const demo = setUpDemo();
    const before = story(demo);
    const answer = ok(
      generateWhile(demo, (spreadsheetId, id) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        sheet.deleteRow(sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues().findIndex((cells) => cells[0] === id) + 1);
      }),
    );
    const after = rows(demo);
    expect(deliverables(demo).some((d) => d.status === 'drafted')).toBe(false);
    expect(after.some((cells) => cells[0] === before.id)).toBe(false);
    expect(answer.deliverable).toBeUndefined();
    expect(answer.notes).toContain(`"${before.title}" (ID ${before.id}) is no longer in the Deliverables tab, so nothing was marked drafted.`);
  });
});

describe("the Deliverables tab's own layout", () => {
  it('writes back a formula the lead keeps between Status and Link, in one write', () => {
    const demo = setUpDemo();
    asLead(
      demo.sandbox,
      (spreadsheetId: string) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!;
        sheet.insertColumnAfter(8);
        sheet.getRange(1, 9).setValue('Days left');
        for (let row = 2; row <= sheet.getLastRow(); row++) sheet.getRange(row, 9).setFormula(`=F${row}-DATE(2026,11,27)`);
      },
      [demo.spreadsheetId],
    );
    const id = story(demo).id;
    const rowNumber = rows(demo).findIndex((cells) => cells[0] === id) + 1;
    const run = demo.sandbox.run('generateReport', [{ cilId: demo.cilId, ...REQUEST }]);
    const answer = ok(run.value as GenerateAnswer);
    expect(story(demo)).toMatchObject({ status: 'drafted', link: answer.docUrl });
    expect(sheetState(demo.sandbox, demo.spreadsheetId, 'Deliverables').formulas?.[`${rowNumber},9`]).toBe(`=F${rowNumber}-DATE(2026,11,27)`);
    expect(run.meter.callsByMethod['Range.setValues']).toBe(1);
  });

  it('marks the row drafted without a link where the tab has no Link column, and does not claim one', () => {
    const demo = setUpDemo();
    asLead(demo.sandbox, (spreadsheetId: string) => SpreadsheetApp.openById(spreadsheetId).getSheetByName('Deliverables')!.deleteColumn(9), [demo.spreadsheetId]);
    const answer = ok(demo.sandbox.run('generateReport', [{ cilId: demo.cilId, ...REQUEST }]).value as GenerateAnswer);
    expect(story(demo)).toMatchObject({ status: 'drafted' } satisfies Partial<Deliverable>);
    expect(answer.notes).toContain(
      'Marked "Quarterly story 2026-Q4" drafted in the Deliverables tab; it has no "Link" column for the Doc\'s link. Set "Submitted on" once it is sent.',
    );
    expect(answer.notes.join(' ')).not.toContain('with the link');
  });
});
