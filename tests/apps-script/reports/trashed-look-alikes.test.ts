/// <reference types="google-apps-script" />
import { describe, expect, it } from 'vitest';
import type { DriveItemState } from '../../../sandbox/src/workspace';
import { asLead } from '../as-lead';
import { docLines, generate, generated, idOf, itemsIn, setUpDemo, templateOf, type Demo } from './report-fixture';

// What a lead put in the trash is gone, though a Drive folder still lists it among its children (the
// sandbox lists them as Drive does): a trashed draft, template or folder is never taken for the real one.

const MINUTE = 60_000;

const trash = (demo: Demo, id: string, kind: 'file' | 'folder') =>
  asLead(
    demo.sandbox,
    (itemId: string, itemKind: string) => void (itemKind === 'file' ? DriveApp.getFileById(itemId) : DriveApp.getFolderById(itemId)).setTrashed(true),
    [id, kind],
  );

const cilFolder = (demo: Demo) => (JSON.parse(demo.sandbox.state.properties.script[`cil:${demo.cilId}`]!) as { folderId: string }).folderId;

/** The folders above an item, nearest first, by name. */
function pathOf(demo: Demo, id: string): DriveItemState[] {
  const path: DriveItemState[] = [];
  for (let item = demo.sandbox.state.drive.items[id]!; item.parents[0]; ) {
    item = demo.sandbox.state.drive.items[item.parents[0]]!;
    path.push(item);
  }
  return path;
}

const editDraft = (demo: Demo, id: string) =>
  asLead(
    demo.sandbox,
    (docId: string) => {
      const doc = DocumentApp.openById(docId);
      doc.getBody().appendParagraph('A lead’s note.');
      doc.saveAndClose();
    },
    [id],
  );

describe('a draft in the trash', () => {
  it('is not the latest version: the next one is made beside the lead’s version, and the trashed one is left in the trash', () => {
    const demo = setUpDemo();
    const request = { kind: 'quarterly story', period: '2026-Q4' };
    const first = generated(demo, request);
    editDraft(demo, idOf(first.docUrl));
    demo.sandbox.advance(10 * MINUTE);
    const second = generated(demo, request);
    expect(second.version).toBe(2);
    trash(demo, idOf(second.docUrl), 'file');
    const trashed = structuredClone(demo.sandbox.state.documents[idOf(second.docUrl)]);

    const third = generated(demo, request);

    // Version 1 was edited, version 2 is in the trash: a new version 2, not an update of the trashed one.
    expect(third).toMatchObject({ outcome: 'new version', version: 2, docName: second.docName });
    expect(third.docUrl).not.toBe(second.docUrl);
    expect(demo.sandbox.state.drive.items[idOf(third.docUrl)]!.trashed).toBe(false);
    expect(demo.sandbox.state.documents[idOf(second.docUrl)]).toEqual(trashed);
    expect(demo.sandbox.state.drive.items[idOf(second.docUrl)]!.trashed).toBe(true);
  });
});

describe('a template in the trash', () => {
  it('is not used: the report is refused until setup makes the template again, and then the new one fills it', () => {
    const demo = setUpDemo();
    const old = templateOf(demo, 'Monthly progress update');
    asLead(
      demo.sandbox,
      (id: string) => {
        const doc = DocumentApp.openById(id);
        doc.getBody().appendParagraph('From the trashed template.');
        doc.saveAndClose();
      },
      [old.id],
    );
    trash(demo, old.id, 'file');

    const { answer } = generate(demo, { kind: 'monthly progress update', period: '2026-11' });
    expect(answer).toEqual({
      ok: false,
      message: 'The template "Monthly progress update (template)" is not in the CIL\'s Templates folder. Run CIL Hub › Set up this CIL… to make it again; your other templates stay as they are. Nothing was written.',
    });

    expect(demo.sandbox.run('setUpCil', [{ name: 'CIL Demo' }]).error).toBeNull();
    const remade = templateOf(demo, 'Monthly progress update');
    expect(remade.id).not.toBe(old.id);
    const report = generated(demo, { kind: 'monthly progress update', period: '2026-11' });
    expect(docLines(demo.sandbox, idOf(report.docUrl))).not.toContain('From the trashed template.');
  });
});

describe('a Reports folder in the trash', () => {
  it('is not where reports go: generating makes a new Reports folder', () => {
    const demo = setUpDemo();
    const trashed = itemsIn(demo.sandbox, cilFolder(demo)).find((item) => item.name === 'Reports')!;
    trash(demo, trashed.id, 'folder');

    const report = generated(demo, { kind: 'quarterly story', period: '2026-Q4' });

    const path = pathOf(demo, idOf(report.docUrl));
    expect(path.slice(0, 4).map((folder) => folder.name)).toEqual(['2026-Q4', '2026', 'Reports', 'CIL Demo']);
    expect(path[2]!.id).not.toBe(trashed.id);
    expect(path.every((folder) => !folder.trashed)).toBe(true);
  });

  it('is not adopted by setup, which makes the folder again', () => {
    const demo = setUpDemo();
    const trashed = itemsIn(demo.sandbox, cilFolder(demo)).find((item) => item.name === 'Reports')!;
    trash(demo, trashed.id, 'folder');

    const again = demo.sandbox.run('setUpCil', [{ name: 'CIL Demo' }]);

    expect(again.error).toBeNull();
    expect((again.value as { created: string[] }).created).toEqual(['folder "CIL Demo/Reports"', 'folder "CIL Demo/Reports/2026"']);
    expect(itemsIn(demo.sandbox, cilFolder(demo)).filter((item) => item.name === 'Reports').map((item) => item.id)).not.toContain(trashed.id);
  });
});
