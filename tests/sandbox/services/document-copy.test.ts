import { describe, expect, it } from 'vitest';
import { createDocumentApp } from '../../../sandbox/src/services/document-app';
import { errorOf, serviceContext } from './service-context';

// Copying elements between Docs, as scripts that merge documents do: `child.copy()` gives a detached
// deep copy (developers.google.com/apps-script/reference/document/paragraph#copy), and
// Body.appendParagraph(paragraph), appendListItem(listItem), appendTable(table) and
// appendPageBreak(pageBreak) attach the element given (…/document/body#appendparagraphparagraph).

const setup = () => {
  const ctx = serviceContext();
  return { ctx, DocumentApp: createDocumentApp(ctx) };
};

describe('copying body elements', () => {
  it('appends detached copies of every kind, from another document, keeping headings and cells', () => {
    const { ctx, DocumentApp } = setup();
    const template = DocumentApp.create('Template');
    const from = template.getBody();
    from.getChild(0).asParagraph().setText('Report').setHeading(DocumentApp.ParagraphHeading.HEADING1);
    from.appendListItem('First').setGlyphType(DocumentApp.GlyphType.NUMBER);
    from.appendTable([['Name', 'Hours'], ['{{v.name}}', '{{v.hours}}']]);
    from.appendPageBreak();
    from.appendParagraph('End');

    // Copies go in before the new body's one empty paragraph, which is removed once the last copy
    // (a paragraph: a body ends with one) is appended after it. Appending a table at the very end
    // would add an empty paragraph after it, as Google does.
    const to = DocumentApp.create('Draft');
    const body = to.getBody();
    const count = from.getNumChildren();
    for (let i = 0; i < count; i++) {
      const child = from.getChild(i);
      const at = i < count - 1 ? i : body.getNumChildren();
      const type = child.getType();
      if (type === 'PARAGRAPH') body.insertParagraph(at, child.asParagraph().copy() as never);
      else if (type === 'LIST_ITEM') body.insertListItem(at, child.asListItem().copy() as never);
      else if (type === 'TABLE') body.insertTable(at, child.asTable().copy() as never);
      else if (type === 'PAGE_BREAK') body.insertPageBreak(at, child.asPageBreak().copy() as never);
    }
    body.getChild(count - 1).removeFromParent();

    expect(ctx.state.documents[to.getId()]!.body).toEqual(ctx.state.documents[template.getId()]!.body);
    expect(body.getText()).toBe(from.getText());
    expect(body.getChild(0).asParagraph().getHeading()).toBe('HEADING1');
    expect(body.getChild(1).asListItem().getGlyphType()).toBe('NUMBER');
    expect(body.getChild(2).asTable().getCell(1, 1).getText()).toBe('{{v.hours}}');
  });

  it('gives a copy that is its own: editing it leaves the original as it was', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Doc').getBody();
    body.getChild(0).asParagraph().setText('Original');
    const copy = body.getChild(0).asParagraph().copy() as ReturnType<typeof body.appendParagraph>;
    copy.setText('Changed');
    expect(copy.getParent()).toBeNull();
    expect(body.getText()).toBe('Original');
    body.appendParagraph(copy);
    expect(body.getText()).toBe('Original\nChanged');
    copy.setText('Attached');
    expect(body.getText()).toBe('Original\nAttached');
  });

  it('refuses an element still in a body, and one of the wrong kind', () => {
    const { ctx, DocumentApp } = setup();
    const body = DocumentApp.create('Doc').getBody();
    const paragraph = body.appendParagraph('Here');
    const table = body.appendTable([['a']]).copy();
    const before = structuredClone(ctx.state.documents);
    expect(errorOf(() => body.appendParagraph(paragraph))).toBe('Element must be detached.');
    expect(errorOf(() => body.appendParagraph(table as never))).toMatch(/^The parameters \(.*\) don't match the method signature for Body.insertParagraph.$/);
    expect(ctx.state.documents).toEqual(before);
  });

  it('adds an empty paragraph after a table appended at the end of the body', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Doc').getBody();
    const table = body.appendTable([['a']]).copy();
    body.appendTable(table as never);
    expect(body.getNumChildren()).toBe(5);
    expect(body.getChild(4).getType()).toBe('PARAGRAPH');
  });

  it('takes a removed element, which is detached', () => {
    const { DocumentApp } = setup();
    const body = DocumentApp.create('Doc').getBody();
    body.getChild(0).asParagraph().setText('First');
    const moved = body.appendParagraph('Second');
    body.appendParagraph('Third');
    moved.removeFromParent();
    body.insertParagraph(0, moved);
    expect(body.getText()).toBe('Second\nFirst\nThird');
  });
});
