import type { WorkspaceState, DriveItemState, CellValue, DocumentElementState } from './workspace';

// The Workspace as a person reads it: a Drive tree, each spreadsheet's tabs as rows, each document's
// text, the outbox. What `cil-sandbox dump` prints and what the web UI shows.

export interface DriveTreeNode {
  id: string;
  name: string;
  kind: 'folder' | 'file';
  mimeType: string;
  trashed: boolean;
  editors: string[];
  viewers: string[];
  children?: DriveTreeNode[];
}

export function driveTree(state: WorkspaceState): DriveTreeNode {
  const items = Object.values(state.drive.items);
  const childrenOf = new Map<string, DriveItemState[]>();
  for (const item of items) {
    for (const parent of item.parents) {
      const list = childrenOf.get(parent) ?? [];
      list.push(item);
      childrenOf.set(parent, list);
    }
  }
  const node = (item: DriveItemState): DriveTreeNode => ({
    id: item.id,
    name: item.name,
    kind: item.kind,
    mimeType: item.mimeType,
    trashed: item.trashed,
    editors: item.editors,
    viewers: item.viewers,
    ...(item.kind === 'folder'
      ? { children: (childrenOf.get(item.id) ?? []).sort((a, b) => a.name.localeCompare(b.name)).map(node) }
      : {}),
  });
  return node(state.drive.items[state.drive.rootFolderId]!);
}

const cellForJson = (value: CellValue): string | number | boolean => (value instanceof Date ? value.toISOString() : value);

export function documentText(body: DocumentElementState[]): string {
  return body
    .map((element) => {
      switch (element.type) {
        case 'paragraph':
        case 'listItem':
          return element.text;
        case 'table':
          return element.rows.map((row) => row.join('\t')).join('\n');
        default:
          return '';
      }
    })
    .join('\n');
}

export function workspaceView(state: WorkspaceState) {
  return {
    clock: state.clock.toISOString(),
    user: state.user,
    scriptTimeZone: state.scriptTimeZone,
    drive: driveTree(state),
    spreadsheets: Object.values(state.spreadsheets).map((spreadsheet) => ({
      id: spreadsheet.id,
      name: spreadsheet.name,
      timeZone: spreadsheet.timeZone,
      tabs: spreadsheet.sheets.map((sheet) => ({
        name: sheet.name,
        frozenRows: sheet.frozenRows,
        protections: sheet.protections.length,
        charts: sheet.charts.length,
        rows: sheet.values.map((row) => row.map(cellForJson)),
      })),
    })),
    documents: Object.values(state.documents).map((document) => ({
      id: document.id,
      name: document.name,
      text: documentText(document.body),
    })),
    outbox: state.mail.outbox.map((message) => ({ ...message, sentAt: message.sentAt.toISOString() })),
    triggers: state.triggers.map((trigger) => ({
      id: trigger.id,
      handler: trigger.handler,
      schedule: trigger.schedule,
      nextRunAt: trigger.nextRunAt?.toISOString() ?? null,
    })),
    properties: state.properties,
    executions: state.executions.slice(-50),
  };
}
