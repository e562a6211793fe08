import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace, saveWorkspace, StateFileError } from '../../sandbox/src/state-file';
import { emptyWorkspace } from '../../sandbox/src/workspace';

const folder = () => mkdtempSync(join(tmpdir(), 'cil-state-'));

describe('the state file', () => {
  it('saves and loads the whole workspace, Dates included', () => {
    const path = join(folder(), 'state.json');
    const state = emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') });
    state.spreadsheets.s1 = {
      id: 's1', name: 'CIL', timeZone: 'Asia/Karachi', locale: 'en_US', nextSheetId: 1,
      sheets: [{ sheetId: 0, name: 'Hours', values: [['Day', 'Hours'], [new Date('2026-11-26T19:00:00Z'), 2.5]] } as never],
    };
    saveWorkspace(path, state);
    const loaded = loadWorkspace(path)!;
    expect(loaded.clock).toBeInstanceOf(Date);
    expect(loaded.clock.toISOString()).toBe('2026-11-27T05:00:00.000Z');
    const cell = loaded.spreadsheets.s1!.sheets[0]!.values[1]![0];
    expect(cell).toBeInstanceOf(Date);
    expect(loaded).toEqual(state);
  });

  it('answers null when there is no file yet', () => {
    expect(loadWorkspace(join(folder(), 'missing.json'))).toBeNull();
  });

  it('leaves no temporary file behind', () => {
    const dir = folder();
    saveWorkspace(join(dir, 'state.json'), emptyWorkspace());
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('reports a corrupt file clearly and never overwrites it', () => {
    const path = join(folder(), 'state.json');
    writeFileSync(path, '{"format":"cil-hub-sandbox/1", "clock": ');
    expect(() => loadWorkspace(path)).toThrow(StateFileError);
    expect(() => loadWorkspace(path)).toThrow(/state\.json is corrupt .*left untouched/);
    expect(readFileSync(path, 'utf8')).toBe('{"format":"cil-hub-sandbox/1", "clock": ');
  });

  it('refuses a JSON file that is not a sandbox state', () => {
    const path = join(folder(), 'package.json');
    writeFileSync(path, '{"name":"x"}');
    expect(() => loadWorkspace(path)).toThrow(/is not a CIL Hub sandbox state/);
  });
});
