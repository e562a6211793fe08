import type { WorkspaceState, CellValue } from '../workspace';
import { driveTree, documentText, type DriveTreeNode } from '../workspace-view';
import { chartSvg } from './charts';
import { html, type Html } from './html';

// The sandbox's pages: a look into the Workspace that a CIL lead would otherwise see in Drive,
// Sheets, Docs and Gmail. Read-only but for the clock and the triggers.

const style = html`<style>
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1f2933; }
  header { background: #0b6e4f; color: #fff; padding: 10px 20px; display: flex; gap: 24px; align-items: baseline; }
  header a { color: #fff; }
  main { padding: 16px 20px; }
  table { border-collapse: collapse; margin: 8px 0 20px; }
  td, th { border: 1px solid #cbd2d9; padding: 3px 8px; vertical-align: top; text-align: left; }
  th { background: #f0f4f8; }
  .frozen td { background: #f0f4f8; font-weight: 600; }
  nav.tabs a { margin-right: 12px; }
  .muted { color: #7b8794; }
  ul.tree { list-style: none; padding-left: 18px; }
  form.inline { display: inline; }
  pre { white-space: pre-wrap; background: #f5f7fa; padding: 8px; }
  .charts { display: flex; flex-wrap: wrap; gap: 12px; }
  figure.chart { margin: 8px 0; border: 1px solid #cbd2d9; background: #fff; }
</style>`;

export function page(title: string, state: WorkspaceState, body: Html): Html {
  return html`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${title} · CIL Hub sandbox</title>${style}</head>
<body><header><strong>CIL Hub sandbox</strong><a href="/">Workspace</a><a href="/outbox">Outbox</a><a href="/triggers">Triggers</a>
<span>Clock: ${state.clock.toISOString()}</span>
<form class="inline" method="post" action="/clock/advance"><label>Advance <input name="duration" size="5" value="1d" aria-label="Duration"></label> <button>Advance</button></form>
</header><main><h1>${title}</h1>${body}</main></body></html>`;
}

function treeNode(node: DriveTreeNode): Html {
  const link =
    node.mimeType === 'application/vnd.google-apps.spreadsheet'
      ? html`<a href="/spreadsheets/${encodeURIComponent(node.id)}">${node.name}</a>`
      : node.mimeType === 'application/vnd.google-apps.document'
        ? html`<a href="/documents/${encodeURIComponent(node.id)}">${node.name}</a>`
        : html`${node.name}`;
  return html`<li>${node.kind === 'folder' ? '📁 ' : '📄 '}${link}${node.trashed ? html` <span class="muted">(trashed)</span>` : ''}${
    node.children?.length ? html`<ul class="tree">${node.children.map(treeNode)}</ul>` : ''
  }</li>`;
}

export function workspacePage(state: WorkspaceState): Html {
  const recent = state.executions.slice(-15).reverse();
  return page(
    'Workspace',
    state,
    html`<h2>Drive</h2><ul class="tree">${treeNode(driveTree(state))}</ul>
<h2>Recent executions</h2>
<table><tr><th>Started</th><th>Function</th><th>Trigger</th><th>Status</th><th>Service calls</th><th>Cells read</th><th>Cells written</th></tr>
${recent.map((e) => html`<tr><td>${e.startedAt}</td><td>${e.functionName}</td><td>${e.trigger}</td><td>${e.error ?? e.status}</td><td>${e.serviceCalls}</td><td>${e.cellsRead}</td><td>${e.cellsWritten}</td></tr>`)}
</table>`,
  );
}

const cellText = (value: CellValue): string => (value instanceof Date ? value.toISOString() : String(value));

export function spreadsheetPage(state: WorkspaceState, id: string, tabName: string | null): Html | null {
  const spreadsheet = state.spreadsheets[id];
  if (!spreadsheet) return null;
  const sheet = spreadsheet.sheets.find((s) => s.name === tabName) ?? spreadsheet.sheets[0]!;
  const menus = state.ui.menus.filter((menu) => menu.spreadsheetId === id);
  const shown = state.ui.shown.slice(-3).reverse();
  return page(
    spreadsheet.name,
    state,
    html`${menus.map(
      (menu) => html`<form method="post" action="/spreadsheets/${encodeURIComponent(id)}/menu" class="menu"><strong>${menu.title}</strong>
${menu.items.flatMap((item) => ('subMenu' in item ? item.items : 'functionName' in item ? [item] : [])).map(
        (item) => html` <button name="function" value="${item.functionName}">${item.caption}</button>`,
      )}</form>`,
    )}
${shown.map(
      (ui) => html`<details open><summary>${ui.kind}: ${ui.title}</summary>${
        ui.kind === 'sidebar' || ui.kind === 'modalDialog' || ui.kind === 'modelessDialog'
          ? html`<iframe sandbox="allow-forms" srcdoc="${ui.content}" title="${ui.title}" style="width:320px;height:360px;border:1px solid #cbd2d9"></iframe>`
          : html`<p>${ui.content}</p>`
      }</details>`,
    )}
<nav class="tabs">${spreadsheet.sheets.map((s) =>
      s === sheet ? html`<strong>${s.name}</strong> ` : html`<a href="?tab=${encodeURIComponent(s.name)}">${s.name}</a> `,
    )}</nav>
<p class="muted">${sheet.values.length} rows · ${sheet.frozenRows} frozen · ${sheet.protections.length} protections · ${sheet.validations.length} validations · ${sheet.charts.length} charts</p>
${sheet.charts.length > 0 ? html`<div class="charts">${sheet.charts.map((chart) => chartSvg(spreadsheet, chart))}</div>` : ''}
<table>${sheet.values.map(
      (row, r) => html`<tr class="${r < sheet.frozenRows ? 'frozen' : ''}">${row.map((cell) => html`<td>${cellText(cell)}</td>`)}</tr>`,
    )}</table>`,
  );
}

export function documentPage(state: WorkspaceState, id: string): Html | null {
  const document = state.documents[id];
  if (!document) return null;
  const headingTag = (heading: string) => ({ TITLE: 'h1', HEADING1: 'h2', HEADING2: 'h3', HEADING3: 'h4' })[heading] ?? 'p';
  return page(
    document.name,
    state,
    html`<article>${document.body.map((element) => {
      switch (element.type) {
        case 'paragraph': {
          const tag = headingTag(element.heading);
          return html`<div data-heading="${element.heading}" class="${tag}">${tag === 'p' ? element.text : html`<strong>${element.text}</strong>`}</div>`;
        }
        case 'listItem':
          return html`<div>• ${element.text}</div>`;
        case 'table':
          return html`<table>${element.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${cell}</td>`)}</tr>`)}</table>`;
        default:
          return html`<hr>`;
      }
    })}</article><h2>Plain text</h2><pre>${documentText(document.body)}</pre>`,
  );
}

export function outboxPage(state: WorkspaceState): Html {
  return page(
    'Outbox',
    state,
    html`${state.mail.outbox.length === 0 ? html`<p class="muted">No mail sent yet.</p>` : ''}
${[...state.mail.outbox].reverse().map(
      (m) => html`<section><h3>${m.subject}</h3><p class="muted">${m.sentAt} · to ${m.to.join(', ')}${m.cc.length ? html` · cc ${m.cc.join(', ')}` : ''}</p>
<pre>${m.body}</pre>${m.htmlBody ? html`<details><summary>HTML part (shown as source)</summary><pre>${m.htmlBody}</pre></details>` : ''}</section>`,
    )}`,
  );
}

export function triggersPage(state: WorkspaceState): Html {
  return page(
    'Triggers',
    state,
    html`<table><tr><th>Function</th><th>Schedule</th><th>Next run</th><th></th></tr>
${state.triggers.map(
      (t) => html`<tr><td>${t.handler}</td><td>${JSON.stringify(t.schedule)}</td><td>${t.nextRunAt ?? '—'}</td>
<td><form method="post" action="/triggers/${encodeURIComponent(t.id)}/run"><button>Run now</button></form></td></tr>`,
    )}</table>`,
  );
}
