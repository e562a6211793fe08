import { describe, expect, it } from 'vitest';
import { createConsole, createLogger } from '../../../sandbox/src/services/logger';
import { serviceContext } from './service-context';

const setup = () => serviceContext();

describe('Logger', () => {
  it('substitutes %s, writes to the execution log, and keeps a stamped getLog() until clear()', () => {
    const ctx = setup();
    const Logger = createLogger(ctx);
    Logger.log('Sent %s reminders to %s', 3, ['a@x.example']).log({ ok: true });
    expect(ctx.state.logs.map((entry) => [entry.execution, entry.level, entry.message])).toEqual([
      ['test-exec', 'log', 'Sent 3 reminders to ["a@x.example"]'],
      ['test-exec', 'log', '{"ok":true}'],
    ]);
    expect(Logger.getLog()).toBe(
      '[26-11-27 10:00:00:000 GMT+5] Sent 3 reminders to ["a@x.example"]\n[26-11-27 10:00:00:000 GMT+5] {"ok":true}\n',
    );
    Logger.clear();
    expect(Logger.getLog()).toBe('');
    expect(ctx.state.logs).toHaveLength(2);
  });
});

describe('console', () => {
  it('writes each call at its level', () => {
    const ctx = setup();
    const console = createConsole(ctx);
    console.info('checked %d volunteers', 12);
    console.error('failed:', 'quota');
    expect(ctx.state.logs.map((entry) => [entry.level, entry.message])).toEqual([
      ['info', 'checked 12 volunteers'],
      ['error', 'failed: quota'],
    ]);
  });
});
