import { readFileSync, writeFileSync, renameSync, existsSync, openSync, fsyncSync, closeSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { emptyWorkspace, type WorkspaceState } from './workspace';

// The whole Workspace in one JSON file. Dates are tagged so they come back as Dates. Writes go to a
// temporary file that is flushed and renamed over the old one, so a crash mid-write leaves the last
// good state; a file that does not parse is reported and left alone, never overwritten.

export class StateFileError extends Error {}

const DATE_TAG = '$date';

export function serializeWorkspace(state: WorkspaceState): string {
  return JSON.stringify(state, function (this: Record<string, unknown>, key, value) {
    const raw = this[key];
    return raw instanceof Date ? { [DATE_TAG]: raw.toISOString() } : value;
  });
}

export function parseWorkspace(text: string, source: string): WorkspaceState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (_key, value) =>
      value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && typeof value[DATE_TAG] === 'string'
        ? new Date(value[DATE_TAG])
        : value,
    );
  } catch (error) {
    throw new StateFileError(
      `The sandbox state file ${source} is corrupt (${(error as Error).message}). It was left untouched: move it away or pass --state with another file.`,
    );
  }
  const format = (parsed as { format?: unknown } | null)?.format;
  if (format !== emptyWorkspace().format) {
    throw new StateFileError(
      `The sandbox state file ${source} is not a CIL Hub sandbox state (format ${JSON.stringify(format)}). It was left untouched: move it away or pass --state with another file.`,
    );
  }
  return parsed as WorkspaceState;
}

export function loadWorkspace(path: string): WorkspaceState | null {
  if (!existsSync(path)) return null;
  return parseWorkspace(readFileSync(path, 'utf8'), path);
}

export function saveWorkspace(path: string, state: WorkspaceState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    writeFileSync(fd, serializeWorkspace(state));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
