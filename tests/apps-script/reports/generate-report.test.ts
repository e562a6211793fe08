/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import { deliverablesTab } from '../../../shared/records/deliverable';
import { hoursTab } from '../../../shared/records/hours';
import { meetingsTab } from '../../../shared/records/meeting';
import { Sandbox } from '../../../sandbox/src/runtime/sandbox';
import { asLead, snapshot } from '../as-lead';
import { recordsOf, setSetting, volunteerNamed } from '../daily-run-fixture';
import { appendRow, docLines, generate, generated, idOf, itemsIn, setUpDemo, type Demo, type Generated } from './report-fixture';

// Generating one report for the demo CIL (Friday 27 Nov 2026 in Karachi): the PDF and the email,
// regenerating (in place while untouched, a numbered version once a lead edited the draft), the
// requests a lead gets wrong, and what a generation costs in Google service calls.

const MINUTE = 60_000;

const hoursLine = (lines: string[]) => lines.find((line) => line.startsWith('Hours logged | '));

function novemberHours(demo: Demo): number {
  return recordsOf(demo.sandbox, demo.spreadsheetId, hoursTab)
    .filter((entry) => entry.day >= '2026-11-01' && entry.day <= '2026-11-30')
    .reduce((sum, entry) => sum + entry.hours, 0);
}

/** The untrashed Drive, and the spreadsheet and outbox, to show a refusal changed nothing. */
function visible(demo: Demo) {
  const { drive, spreadsheets } = snapshot(demo.sandbox);
  return {
    items: Object.values(drive.items).filter((item) => !item.trashed),
    spreadsheets,
    outbox: demo.sandbox.state.mail.outbox.length,
  };
}

describe('a report with its PDF and an email to the CfP lead', () => {
  const demo = setUpDemo();
  const report = generated(demo, { kind: 'quarterly story', period: '2026-Q4', pdf: true, emailCfpLead: true });
  const folderId = idOf(report.folderUrl);

  it('saves the PDF beside the Doc, as it was filled', () => {
    expect(report.pdfUrl).toBeDefined();
    const pdf = demo.sandbox.state.drive.items[idOf(report.pdfUrl!)]!;
    expect(pdf).toMatchObject({ name: `${report.docName}.pdf`, mimeType: 'application/pdf', parents: [folderId] });
    const content = Buffer.from(pdf.content!, 'base64').toString('latin1');
    expect(content.startsWith('%PDF-')).toBe(true);
    expect(content).toContain('Quarterly story write-up: CIL Demo');
    expect(content).not.toContain('{{');
  });

  it('emails the CfP lead the links, escaped in the HTML part', () => {
    const message = demo.sandbox.state.mail.outbox.at(-1)!;
    expect(message.to).toEqual(['cil-leads@codeforpakistan.example']);
    expect(message.subject).toBe('CIL Demo: Quarterly story write-up, Q4 2026 (October – December), up to 27 Nov 2026');
    expect(message.body).toContain(report.docUrl);
    expect(message.body).toContain(report.pdfUrl!);
    expect(message.htmlBody).toContain(report.docUrl);
    expect(message.htmlBody).toContain('CIL Demo&#39;s quarterly story write-up');
    expect(report.email).toBe('sent');
  });

  it('says what it did', () => {
    expect(report.notes).toEqual([
      `Drafted "${report.docName}".`,
      `Saved "${report.docName}.pdf" beside it.`,
      'Marked "Quarterly story 2026-Q4" drafted in the Deliverables tab, with the link; set "Submitted on" once it is sent.',
      'Emailed the link to cil-leads@codeforpakistan.example.',
    ]);
  });

  it('answers with plain data, as an add-on card needs', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('without a CfP lead email in Settings', () => {
  it('makes the report and says no email was sent', () => {
    const demo = setUpDemo();
    setSetting(demo, 'CfP lead email', '');
    const outbox = demo.sandbox.state.mail.outbox.length;
    const report = generated(demo, { kind: 'monthly progress update', emailCfpLead: true });
    expect(report.email).toBe('not sent');
    expect(report.notes).toContain('No email was sent: the Settings tab has no "CfP lead email".');
    expect(demo.sandbox.state.mail.outbox).toHaveLength(outbox);
  });
});

describe('regenerating the same report', () => {
  it('updates the draft in place while nobody has touched it, with what the records say now', () => {
    const demo = setUpDemo();
    const first = generated(demo, { kind: 'monthly progress update', period: '2026-11', pdf: true });
    const before = hoursLine(docLines(demo.sandbox, idOf(first.docUrl)));
    demo.sandbox.advance(30 * MINUTE);
    appendRow(demo, 'Hours', {
      'Entry ID': 'late-entry',
      'Volunteer ID': volunteerNamed(demo, 'Sana Iqbal').id,
      Day: '2026-11-15',
      Hours: 2.5,
      Category: 'research',
      Source: 'sheet',
      'Logged at': '2026-11-27 10:30',
    });

    const again = generated(demo, { kind: 'monthly progress update', period: '2026-11', pdf: true });

    expect(again).toMatchObject({ outcome: 'updated', version: 1, docUrl: first.docUrl, docName: first.docName });
    expect(again.notes[0]).toBe(`Updated "${first.docName}" in place: nobody had edited it since it was generated.`);
    const total = String(Math.round(novemberHours(demo) * 100) / 100);
    expect(hoursLine(docLines(demo.sandbox, idOf(first.docUrl)))).toBe(`Hours logged | ${total}`);
    expect(before).not.toBe(`Hours logged | ${total}`);
    // One Doc and one PDF in the folder; the filled copy that fed the update is in the trash.
    expect(itemsIn(demo.sandbox, idOf(first.folderUrl)).map((item) => item.name).sort()).toEqual([first.docName, `${first.docName}.pdf`]);
  });

  it('makes a numbered new version once a lead edited the draft, and leaves the edited one as it is', () => {
    const demo = setUpDemo();
    const first = generated(demo, { kind: 'quarterly story', period: '2026-Q4' });
    demo.sandbox.advance(10 * MINUTE);
    asLead(
      demo.sandbox,
      (id: string) => {
        const doc = DocumentApp.openById(id);
        doc.getBody().appendParagraph('Our own closing words for CfP.');
        doc.saveAndClose();
      },
      [idOf(first.docUrl)],
    );
    const edited = docLines(demo.sandbox, idOf(first.docUrl));

    const second = generated(demo, { kind: 'quarterly story', period: '2026-Q4' });

    expect(second).toMatchObject({ outcome: 'new version', version: 2, docName: `${first.docName} (version 2)` });
    expect(second.docUrl).not.toBe(first.docUrl);
    expect(second.notes[0]).toBe(`Made "${first.docName} (version 2)" beside version 1, which someone edited since it was generated; that one is left as it is.`);
    expect(docLines(demo.sandbox, idOf(first.docUrl))).toEqual(edited);
    expect(docLines(demo.sandbox, idOf(second.docUrl))).not.toContain('Our own closing words for CfP.');
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'quarterly story')!;
    expect(row).toMatchObject({ status: 'drafted', link: second.docUrl });

    // Version 2 is untouched: the next run updates it in place.
    const third = generated(demo, { kind: 'quarterly story', period: '2026-Q4' });
    expect(third).toMatchObject({ outcome: 'updated', version: 2, docUrl: second.docUrl });
  });

  it('notices an edit made within a minute of generating, by the text', () => {
    const demo = setUpDemo();
    // This week's summary, still owed: a submitted one would get a new version whatever happened to it.
    const first = generated(demo, { kind: 'weekly summary', period: '2026-W48' });
    asLead(
      demo.sandbox,
      (id: string) => {
        const doc = DocumentApp.openById(id);
        doc.getBody().getChild(1).asParagraph().appendText(' (checked)');
        doc.saveAndClose();
      },
      [idOf(first.docUrl)],
    );
    expect(generated(demo, { kind: 'weekly summary', period: '2026-W48' })).toMatchObject({ outcome: 'new version', version: 2 });
  });
});

describe('regenerating a report already submitted', () => {
  it('makes a new version beside the draft that went to CfP, even one nobody edited', () => {
    const demo = setUpDemo();
    const row = recordsOf(demo.sandbox, demo.spreadsheetId, deliverablesTab).find((d) => d.kind === 'monthly progress update' && d.period === '2026-10')!;
    expect(row.status).toBe('submitted');
    const first = generated(demo, { kind: 'monthly progress update', period: '2026-10' });
    const sent = docLines(demo.sandbox, idOf(first.docUrl));
    appendRow(demo, 'Hours', {
      'Entry ID': 'late-entry',
      'Volunteer ID': volunteerNamed(demo, 'Sana Iqbal').id,
      Day: '2026-10-15',
      Hours: 2.5,
      Category: 'research',
      Source: 'sheet',
      'Logged at': '2026-11-27 10:30',
    });

    const second = generated(demo, { kind: 'monthly progress update', period: '2026-10' });

    expect(second).toMatchObject({ outcome: 'new version', version: 2, docName: `${first.docName} (version 2)` });
    expect(second.notes[0]).toBe(
      `Made "${first.docName} (version 2)" beside version 1: "${row.title}" is submitted, so the draft that went to CfP is left as it is.`,
    );
    expect(docLines(demo.sandbox, idOf(first.docUrl))).toEqual(sent);
    expect(hoursLine(docLines(demo.sandbox, idOf(second.docUrl)))).not.toBe(hoursLine(sent));
  });
});

describe('a fill that takes a while', () => {
  it('stamps the draft once it is saved, so the untouched draft is still updated in place', () => {
    const demo = setUpDemo();
    const request = { kind: 'weekly summary', period: '2026-W48' };
    const copy = new Sandbox(structuredClone(demo.sandbox.state), demo.sandbox.bundle);
    const calls = copy.run('generateReport', [{ cilId: demo.cilId, ...request }]).meter.serviceCalls;
    // Docs calls are slow: five minutes pass in the middle of the fill.
    const slow = demo.sandbox.run('generateReport', [{ cilId: demo.cilId, ...request }], {
      interleave: { afterCalls: Math.floor(calls / 2), run: () => (demo.sandbox.state.clock = new Date(demo.sandbox.state.clock.getTime() + 5 * MINUTE)) },
    });
    const first = slow.value as Generated;
    expect(first.outcome).toBe('created');

    expect(generated(demo, request)).toMatchObject({ outcome: 'updated', version: 1, docUrl: first.docUrl });
  });
});

describe('values of several lines', () => {
  it('keep their line breaks inside their table cell, as Docs keeps a "\\n", and a regeneration still sees the draft untouched', () => {
    const demo = setUpDemo();
    const meetings = recordsOf(demo.sandbox, demo.spreadsheetId, meetingsTab);
    const hackNight = meetings.find((meeting) => meeting.kind === 'hack night')!;
    asLead(
      demo.sandbox,
      (spreadsheetId: string, meetingId: string) => {
        const sheet = SpreadsheetApp.openById(spreadsheetId).getSheetByName('Meetings')!;
        const values = sheet.getDataRange().getValues();
        const column = values[0]!.indexOf('Takeaways') + 1;
        const row = values.findIndex((cells) => cells[0] === meetingId) + 1;
        // A lead's Alt+Enter in a Sheets cell, and a pasted Windows line end.
        sheet.getRange(row, column).setValue('Mapped 120 bus stops.\nStop names to check\r\nagainst the Metro list.');
      },
      [demo.spreadsheetId, hackNight.id],
    );
    const report = generated(demo, { kind: 'events & meetups report', period: '2026-Q4' });
    const doc = demo.sandbox.state.documents[idOf(report.docUrl)]!;
    const cells = doc.body.flatMap((node) => (node.type === 'table' ? node.rows.flat() : []));
    expect(cells).toContain('Mapped 120 bus stops.\rStop names to check\ragainst the Metro list.');
    expect(doc.body.some((node) => node.type === 'paragraph' && node.text === 'against the Metro list.')).toBe(false);
    expect(generated(demo, { kind: 'events & meetups report', period: '2026-Q4' })).toMatchObject({ outcome: 'updated', version: 1 });
  });
});

describe('requests a lead gets wrong', () => {
  const demo = setUpDemo();
  it.each([
    [{ kind: 'monthly report' }, /^There is no report "monthly report"; the reports are "weekly summary", "biweekly update", .*\. Nothing was written\.$/],
    [{ kind: 'monthly progress update', period: '2026-W44' }, /^"2026-W44" is a week, but this report covers a month, such as 2026-10\. Nothing was written\.$/],
    [{ kind: 'monthly progress update', period: '2027-01' }, /^January 2027 has not begun yet\. Nothing was written\.$/],
    [{ kind: 'weekly summary', period: 'last week' }, /^"last week" is not a period\./],
    [{ kind: 'project closure report' }, /^A project closure report is about one project; choose it\. The projects are Lahore Transit Map \(p-[0-9a-f]+\), Clean Water Complaints Tracker \(p-[0-9a-f]+\)\. Nothing was written\.$/],
    [{ kind: 'discovery research report', projectId: 'p-nope' }, /^There is no project with the ID "p-nope" in the Projects tab/],
    [{ kind: 'weekly summary', colour: 'blue' }, /^Cannot generate the report: Unrecognized key: "colour"\. Nothing was written\.$/],
    [{ kind: 'weekly summary', cilId: 'cil-nowhere' }, /^No CIL with the id "cil-nowhere" is set up in this deployment\.$/],
  ])('%j is refused, changing nothing', (request, message) => {
    const before = visible(demo);
    const { answer } = generate(demo, request);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.message).toMatch(message);
    expect(visible(demo)).toEqual(before);
  });
});

describe('what a generation costs', () => {
  it('reads each tab once and writes the Deliverables row once, whatever the template', () => {
    const demo = setUpDemo();
    const { run } = generate(demo, { kind: 'quarterly story', period: '2026-Q4' });
    const calls = run.meter.callsByMethod;
    // Ten record tabs and Settings, and the Deliverables tab again just before its one write.
    expect(calls['Range.getValues']).toBe(12);
    expect(calls['Range.setValues']).toBe(1);
    const monthly = generate(demo, { kind: 'monthly progress update', period: '2026-10' }).run;
    const again = generate(demo, { kind: 'monthly progress update', period: '2026-10' }).run;
    console.log(
      `generate monthly progress update, demo CIL: ${monthly.meter.serviceCalls} service calls (first draft), ${again.meter.serviceCalls} (updated in place); ` +
        `${monthly.meter.cellsRead} cells read`,
    );
    expect(monthly.meter.callsByMethod['Range.getValues']).toBe(11);
    expect(monthly.meter.serviceCalls).toBeLessThan(1500);
    expect(again.meter.serviceCalls).toBeLessThan(1500);
  });
});
