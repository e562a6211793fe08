import { describe, expect, it } from 'vitest';
import { createDocumentApp } from '../../../sandbox/src/services/document-app';
import { MIME } from '../../../sandbox/src/services/drive-items';
import { errorOf, serviceContext } from './service-context';

const setup = () => {
  const ctx = serviceContext();
  return { ctx, DocumentApp: createDocumentApp(ctx) };
};

/** The strings a PDF shows, in order (our exporter writes one `(text) Tj` per line). */
function pdfLines(pdf: string): string[] {
  return [...pdf.matchAll(/\(((?:\\.|[^\\)])*)\) Tj/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}

describe('DocumentApp documents', () => {
  it('creates a Google Doc in Drive with one empty paragraph, and opens it by id and URL', () => {
    const { ctx, DocumentApp } = setup();
    const doc = DocumentApp.create('Monthly report');
    const item = ctx.state.drive.items[doc.getId()]!;
    expect(item).toMatchObject({ kind: 'file', mimeType: MIME.document, name: 'Monthly report', parents: ['root'] });
    expect(ctx.state.documents[doc.getId()]!.body).toEqual([{ type: 'paragraph', text: '', heading: 'NORMAL', attributes: {} }]);
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
    expect(DocumentApp.openById(doc.getId()).getName()).toBe('Monthly report');
    expect(DocumentApp.openByUrl(doc.getUrl()).getId()).toBe(doc.getId());
    expect(DocumentApp.getActiveDocument()).toBeNull();
    expect(errorOf(() => DocumentApp.openById('missing'))).toBe(
      'Unexpected error while getting the method or property openById on object DocumentApp. (no document with id missing)',
    );
    doc.setName('Renamed');
    expect([item.name, ctx.state.documents[doc.getId()]!.name]).toEqual(['Renamed', 'Renamed']);
  });

  it('appends and inserts paragraphs with headings; the body text joins children with newlines', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    body.getChild(0).asParagraph().setText('Intro');
    const title = body.insertParagraph(0, 'CIL Karachi — November').setHeading(DocumentApp.ParagraphHeading.TITLE);
    const para = body.appendParagraph('Hours logged: ');
    para.appendText('42');
    body.appendListItem('Ali').setGlyphType(DocumentApp.GlyphType.NUMBER).setNestingLevel(1);
    body.appendHorizontalRule();
    body.appendPageBreak();
    expect(title.getHeading()).toBe('TITLE');
    expect(body.getNumChildren()).toBe(6);
    expect(body.getChild(3).getType()).toBe(DocumentApp.ElementType.LIST_ITEM);
    expect(body.getChild(3).asListItem().getGlyphType()).toBe('NUMBER');
    expect(body.getChild(4).getType()).toBe('HORIZONTAL_RULE');
    expect(body.getText()).toBe('CIL Karachi — November\nIntro\nHours logged: 42\nAli\n\n');
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['CIL Karachi — November', 'Intro', 'Hours logged: 42', 'Ali']);
    expect(body.getChildIndex(para)).toBe(2);
    expect(para.getParent()?.getType()).toBe('BODY_SECTION');
    expect(para.getNextSibling()?.getType()).toBe('LIST_ITEM');
    expect(errorOf(() => body.getChild(3).asTable())).toBe('An element of type LIST_ITEM cannot be used as TABLE.');
    expect(errorOf(() => para.setHeading('HEADING7'))).toBe(
      "The parameters (String) don't match the method signature for Paragraph.setHeading.",
    );
  });

  it('keeps paragraph styles: alignment, attributes, and whole-element text styles', () => {
    const { ctx, DocumentApp } = setup();
    const doc = DocumentApp.create('Report');
    const para = doc.getBody().appendParagraph('Total: 42');
    para.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
    para.editAsText().setBold(true).setFontSize(14).setForegroundColor(0, 5, '#ff0000');
    para.setAttributes({ [DocumentApp.Attribute.ITALIC]: true, notAnAttribute: 1 });
    expect(para.getAlignment()).toBe('CENTER');
    expect(para.getAttributes()).toMatchObject({ BOLD: true, FONT_SIZE: 14, ITALIC: true, HORIZONTAL_ALIGNMENT: 'CENTER', UNDERLINE: null });
    expect(ctx.state.documents[doc.getId()]!.body[1]).toEqual({
      type: 'paragraph',
      text: 'Total: 42',
      heading: 'NORMAL',
      attributes: { HORIZONTAL_ALIGNMENT: 'CENTER', BOLD: true, FONT_SIZE: 14, ITALIC: true },
    });
    expect(errorOf(() => para.editAsText().setBold(0, 42, true))).toBe('Invalid argument: offset');
  });

  it('checks child indexes with Google’s messages', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    body.appendParagraph('second');
    expect(errorOf(() => body.getChild(2))).toBe('Child index (2) must be less than the number of child elements (2).');
    expect(errorOf(() => body.insertParagraph(3, 'x'))).toBe('Index (3) must be less than or equal to the number of child elements (2).');
    body.insertParagraph(2, 'third');
    expect(body.getNumChildren()).toBe(3);
  });

  it('never removes the last paragraph of the body, and clear() leaves one empty paragraph', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    const first = body.getChild(0);
    expect(errorOf(() => first.removeFromParent())).toBe("Can't remove the last paragraph in a document section.");
    const middle = body.insertParagraph(0, 'middle');
    body.removeChild(middle);
    expect(middle.getParent()).toBeNull();
    expect(errorOf(() => body.removeChild(middle))).toBe('Element does not contain the specified child element.');
    body.appendParagraph('a');
    body.appendParagraph('b');
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('');
  });
});

describe('DocumentApp tables', () => {
  it('appends a table of strings, followed by the empty paragraph Docs keeps after a table', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    const table = body.appendTable([
      ['Volunteer', 'Hours'],
      ['Ali', '5'],
    ]);
    expect(body.getNumChildren()).toBe(3);
    expect(body.getChild(1).getType()).toBe('TABLE');
    expect(body.getChild(2).getType()).toBe('PARAGRAPH');
    expect(errorOf(() => body.getChild(2).removeFromParent())).toBe("Can't remove the last paragraph in a document section.");

    expect(table.getNumRows()).toBe(2);
    expect(table.getCell(1, 0).getText()).toBe('Ali');
    const row = table.appendTableRow();
    row.appendTableCell('Sara');
    row.appendTableCell('7');
    table.getRow(1).getCell(1).setText('6');
    expect(table.getText()).toBe('Volunteer\tHours\nAli\t6\nSara\t7');
    expect(row.getParentTable()!.getNumRows()).toBe(3);
    const removed = table.removeRow(0);
    expect(removed.getText()).toBe('Volunteer\tHours');
    expect(removed.getParentTable()).toBeNull();
    table.insertTableRow(0, removed);
    expect(table.getRow(0).getCell(0).getText()).toBe('Volunteer');
    expect(errorOf(() => table.getCell(0, 2))).toBe('Child index (2) must be less than the number of child elements (2).');
    expect(body.getTables()).toHaveLength(1);
  });

  // developers.google.com/apps-script/reference/document/table-row#copy() and
  // table#insertTableRow(Integer,TableRow): a copy is detached; only a detached row can be inserted,
  // and inserting it attaches that very row.
  it('copies a row detached, inserts the copy itself, and refuses to insert a row that is attached', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    const table = body.appendTable([
      ['Volunteer', 'Hours'],
      ['{{volunteers.name}}', '{{volunteers.hours}}'],
    ]);
    const template = table.getRow(1);
    const copy = template.copy();
    expect(copy.getParentTable()).toBeNull();
    expect(copy.getText()).toBe('{{volunteers.name}}\t{{volunteers.hours}}');
    const inserted = table.insertTableRow(2, copy);
    expect(copy.getParentTable()!.getNumRows()).toBe(3);
    inserted.replaceText('\\{\\{volunteers\\.name\\}\\}', 'Ali');
    expect(copy.getCell(0).getText()).toBe('Ali');
    expect(template.getCell(0).getText()).toBe('{{volunteers.name}}');
    expect(errorOf(() => table.insertTableRow(1, copy))).toBe('Element must be detached.');
    expect(errorOf(() => table.appendTableRow(template))).toBe('Element must be detached.');
    expect(table.getNumRows()).toBe(3);
    const other = body.appendTable([['x', 'y']]);
    expect(errorOf(() => other.appendTableRow(template))).toBe('Element must be detached.');
    other.appendTableRow(template.copy());
    expect(other.getText()).toBe('x\ty\n{{volunteers.name}}\t{{volunteers.hours}}');
  });

  it('removes a table from the body, and refuses to remove the paragraph Docs keeps after it', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    body.getChild(0).asParagraph().setText('Intro');
    const table = body.appendTable([['a']]);
    expect(errorOf(() => body.getChild(2).removeFromParent())).toBe("Can't remove the last paragraph in a document section.");
    table.removeFromParent();
    expect(body.getNumChildren()).toBe(2);
    expect(table.getParent()).toBeNull();
    body.removeChild(body.getChild(0));
    expect(body.getText()).toBe('');
    expect(errorOf(() => body.removeChild(body.getChild(0)))).toBe("Can't remove the last paragraph in a document section.");
  });

  it('takes only String[][]: numbers do not match the signature, ragged rows are refused', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Report').getBody();
    expect(errorOf(() => body.appendTable([['Ali', 5 as unknown as string]]))).toBe(
      "The parameters (Object[]) don't match the method signature for Body.insertTable.",
    );
    expect(errorOf(() => body.appendTable([['a', 'b'], ['c']]))).toBe('Invalid argument: cells');
    expect(body.getNumChildren()).toBe(1);
  });
});

describe('DocumentApp replaceText and findText', () => {
  const template = () => {
    const { ctx, DocumentApp } = setup();
    const doc = DocumentApp.create('Template');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Dear {{name}},');
    body.appendListItem('{{name}} logged {{hours}} hours');
    body.appendTable([['Name', '{{name}}']]);
    return { ctx, DocumentApp, doc, body };
  };

  it('replaces placeholders in paragraphs, list items and table cells', () => {
    const { body } = template();
    body.replaceText('{{name}}', 'Ali').replaceText('\\{\\{hours\\}\\}', '5');
    expect(body.getText()).toBe('Dear Ali,\nAli logged 5 hours\nName\tAli\n');
  });

  it('treats the pattern as a regular expression and puts the replacement in as it is', () => {
    const { body } = template();
    body.replaceText('\\{\\{(\\w+)\\}\\}', '[{{name}} 10% (a)]');
    expect(body.getText()).toBe('Dear [{{name}} 10% (a)],\n[{{name}} 10% (a)] logged [{{name}} 10% (a)] hours\nName\t[{{name}} 10% (a)]\n');
  });

  // developers.google.com/apps-script/reference/document/body#replaceText(String,String) says nothing
  // of $ or \ in the replacement, which regex engines read as group references and escapes.
  it.each(['$1', 'costs $5', 'C:\\reports', '$&'])('refuses a replacement holding $ or \\: %j, changing nothing', (replacement) => {
    const { body } = template();
    expect(errorOf(() => body.replaceText('\\{\\{name\\}\\}', replacement))).toBe(
      `The sandbox refuses a replaceText replacement holding $ or \\ (${replacement}): Google does not document what they do there. Insert such text with Text.insertText.`,
    );
    expect(errorOf(() => body.getChild(0).asParagraph().editAsText().replaceText('name', replacement))).toMatch(/^The sandbox refuses/);
    expect(body.getText()).toBe('Dear {{name}},\n{{name}} logged {{hours}} hours\nName\t{{name}}\n');
  });

  // A "\n" handed to Docs breaks the line inside its paragraph or cell (a Shift+Enter break), and reads
  // back as "\r": gist.github.com/tanaikech/7de3ed734ac9b103631c3a20452dca74 (replaceText with "\n"
  // gives soft breaks), gist.github.com/erickoledadevrel/bec0993dfada5f1aebfb (getText shows them as "\r").
  it('keeps a "\\n" in replaced, inserted or set text as a line break inside its paragraph or cell, read back as "\\r"', () => {
    const { doc, body } = template();
    body.replaceText('\\{\\{hours\\}\\}', '5\n(approx.)');
    body.getChild(0).asParagraph().editAsText().insertText(0, 'Hello\n');
    body.getTables()[0]!.getCell(0, 1).setText('{{name}}\nand team');
    body.appendParagraph('Signed\nthe leads');
    expect(body.getNumChildren()).toBe(5);
    expect(body.getText()).toBe('Hello\rDear {{name}},\n{{name}} logged 5\r(approx.) hours\nName\t{{name}}\rand team\n\nSigned\rthe leads');
    doc.saveAndClose();
    expect(pdfLines(doc.getAs(MIME.pdf).getDataAsString('ISO-8859-1'))).toEqual(
      expect.arrayContaining(['Hello', 'Dear {{name}},', 'Signed', 'the leads']),
    );
  });

  it('matches each paragraph separately, honours (?i), and refuses what RE2 lacks', () => {
    const { body } = template();
    // Anchors are per text element, not per document; the empty paragraph after the table has no text to match.
    body.replaceText('^.*$', 'X');
    expect(body.getText()).toBe('X\nX\nX\tX\n');
    body.appendParagraph('Hello WORLD');
    body.replaceText('(?i)world', 'there');
    expect(body.getParagraphs().at(-1)!.getText()).toBe('Hello there');
    expect(errorOf(() => body.replaceText('Hello(?= there)', 'x'))).toBe(
      'Invalid regular expression pattern (Docs uses RE2: no lookaround, no backreferences): Hello(?= there)',
    );
    expect(errorOf(() => body.replaceText('(a)\\1', 'x'))).toBe(
      'Invalid regular expression pattern (Docs uses RE2: no lookaround, no backreferences): (a)\\1',
    );
  });

  it('finds text and continues from a previous match', () => {
    const { body } = template();
    const first = body.findText('\\{\\{name\\}\\}')!;
    expect([first.getStartOffset(), first.getEndOffsetInclusive(), first.isPartial()]).toEqual([5, 12, true]);
    expect(first.getElement().getText()).toBe('Dear {{name}},');
    expect(first.getElement().getParent()).toBeTruthy();
    const second = body.findText('\\{\\{name\\}\\}', first)!;
    expect(second.getElement().getText()).toBe('{{name}} logged {{hours}} hours');
    const third = body.findText('\\{\\{name\\}\\}', second)!;
    expect(third.getElement().getText()).toBe('{{name}}');
    expect(body.findText('\\{\\{name\\}\\}', third)).toBeNull();
    first.getElement().deleteText(5, 12).insertText(5, 'Sara');
    expect(body.getChild(0).getText()).toBe('Dear Sara,');
  });
});

describe('DocumentApp limits, closing and export', () => {
  it('refuses an edit that would take the document past 1,020,000 characters', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Big').getBody();
    body.appendParagraph('x'.repeat(1_000_000));
    const expected = 'The document would exceed the maximum of 1,020,000 characters.';
    expect(errorOf(() => body.appendParagraph('y'.repeat(20_001)))).toBe(expected);
    expect(errorOf(() => body.replaceText('x{1000}', 'x'.repeat(1100)))).toBe(expected);
    body.appendParagraph('y'.repeat(20_000));
    expect(body.getText().length).toBe(1_020_002); // two '\n' separators are not content
  });

  it('refuses edits after saveAndClose, but still answers its id and exports', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Report');
    const body = doc.getBody();
    const para = body.appendParagraph('done');
    doc.saveAndClose();
    expect(errorOf(() => body.appendParagraph('late'))).toBe('Document is closed, its contents cannot be updated.');
    expect(errorOf(() => para.setText('late'))).toBe('Document is closed, its contents cannot be updated.');
    expect(errorOf(() => doc.getBody())).toBe('Document is closed, its contents cannot be updated.');
    expect(doc.getId()).toMatch(/^1CiLHubSandbox/);
    expect(pdfLines(doc.getAs('application/pdf').getDataAsString('ISO-8859-1'))).toEqual(['', 'done']);
    const reopened = DocumentApp.openById(doc.getId());
    expect(reopened.getBody().getText()).toBe('\ndone');
  });

  it('exports a small valid PDF: the text in order, pages split at page breaks, a correct xref table', () => {
    const { DocumentApp } = setup();
    const doc = DocumentApp.create('Report (Nov)');
    const body = doc.getBody();
    body.getChild(0).asParagraph().setText('Summary').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    body.appendListItem('Ali: 5 h');
    body.appendTable([['Name', 'Hours'], ['Sara', '7']]);
    body.appendPageBreak();
    body.appendParagraph('Appendix — ñ ok, ✓ not in WinAnsi');
    const pdf = doc.getAs(MIME.pdf);
    expect(pdf.getName()).toBe('Report (Nov).pdf');
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(doc.getBlob().getBytes()).toEqual(pdf.getBytes()); // deterministic
    const text = pdf.getDataAsString('ISO-8859-1');
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    // WinAnsi bytes read as Latin-1: the bullet is 0x95, the em dash 0x97; a check mark has no code.
    expect(pdfLines(text)).toEqual(['Summary', '    \x95 Ali: 5 h', 'Name | Hours', 'Sara | 7', '', 'Appendix \x97 ñ ok, ? not in WinAnsi']);
    expect(text).toContain('/Count 2');
    expect(text).toContain('BT /F1 20 Tf');

    // Every xref entry points at the start of its object.
    const xrefAt = Number(/startxref\n(\d+)/.exec(text)![1]);
    expect(text.slice(xrefAt, xrefAt + 4)).toBe('xref');
    const entries = [...text.slice(xrefAt).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    expect(entries.length).toBeGreaterThan(5);
    entries.forEach((offset, i) => expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`));
    expect(errorOf(() => doc.getAs('text/plain'))).toBe(
      'Converting from application/vnd.google-apps.document to text/plain is not supported.',
    );
  });
});
