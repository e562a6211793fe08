import { describe, it, expect } from 'vitest';
import { Progress } from '../../../cli/src/core/progress';

function output(isTTY: boolean) {
  let text = '';
  return { out: { isTTY, columns: 60, write: (s: string) => (text += s) }, text: () => text };
}

describe('progress', () => {
  it('redraws one line in a terminal and ends it when done', () => {
    const { out, text } = output(true);
    const progress = new Progress(out, 'backup', 4);
    progress.update(1, 'Hours');
    progress.note('Google answered 429; waiting 2.0 s before trying again.');
    progress.finish('done');
    expect(text()).toBe(
      '\r\x1b[2Kbackup [######..................]  25% Hours' +
        '\r\x1b[2Kbackup: Google answered 429; waiting 2.0 s before trying again.\n' +
        '\r\x1b[2Kbackup [######..................]  25% Hours' +
        '\r\x1b[2Kbackup [########################] 100% done\n',
    );
  });

  it('cuts a line to the terminal width', () => {
    const { out, text } = output(true);
    new Progress(out, 'backup', 1).update(0, 'x'.repeat(100));
    expect(text().replace('\r\x1b[2K', '')).toHaveLength(59);
  });

  it('prints plain lines, once per step, without control codes elsewhere', () => {
    const { out, text } = output(false);
    const progress = new Progress(out, 'restore', 2);
    progress.update(0, 'checking the backup');
    progress.update(0, 'checking the backup');
    progress.update(1, 'writing');
    progress.finish('done');
    expect(text()).toBe('restore: checking the backup\nrestore: writing\nrestore: done\n');
  });
});
