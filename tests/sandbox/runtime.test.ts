import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../../sandbox/src/runtime/apps-script-bundle';
import { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { callWebApp } from '../../sandbox/src/runtime/web-app';
import { holdLock } from '../../sandbox/src/services/lock-service';
import { emptyWorkspace } from '../../sandbox/src/workspace';

const tour = loadBundle(fileURLToPath(new URL('./fixtures/service-tour.js', import.meta.url)));
const start = new Date('2026-11-27T05:00:00Z');
const newSandbox = () => new Sandbox(emptyWorkspace({ now: start }), tour);

describe('the sandbox runtime', () => {
  it('finds the top-level functions of a script as its entry points', () => {
    expect(tour.entryPoints).toEqual(expect.arrayContaining(['doGet', 'doPost', 'writeAndRead', 'onDaily']));
  });

  it('runs each execution in a context without Node or browser globals', () => {
    expect(newSandbox().run('whatIsThere').value).toEqual([]);
  });

  it('refuses a function the script does not declare, in Apps Script words', () => {
    expect(newSandbox().run('nothingHere').error).toBe('Error: Script function not found: nothingHere');
  });

  it('gives the script the simulated clock', () => {
    const sandbox = newSandbox();
    expect(sandbox.run('now').value).toEqual({ now: start.toISOString(), dateNow: start.getTime() });
    sandbox.advance(3_600_000);
    expect(sandbox.run('now').value).toEqual({ now: '2026-11-27T06:00:00.000Z', dateNow: start.getTime() + 3_600_000 });
  });

  it("hands the script values of its own realm: Arrays, Dates and numbers", () => {
    const result = newSandbox().run('writeAndRead');
    expect(result.error).toBeNull();
    expect(result.value).toMatchObject({ joinedIsDate: true, joined: '2026-11-01T00:00:00.000Z', hoursType: 'number', isArray: true });
  });

  it('counts every service call and the cells read and written', () => {
    const { meter } = newSandbox().run('writeAndRead');
    expect(meter.callsByMethod).toMatchObject({
      'SpreadsheetApp.create': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getRange': 2,
      'Range.setValues': 1,
      'Range.getValues': 1,
      'Spreadsheet.getId': 1,
    });
    expect(meter.serviceCalls).toBe(7);
    expect(meter.cellsWritten).toBe(6);
    expect(meter.cellsRead).toBe(6);
  });

  it('turns service failures into catchable errors named Exception', () => {
    expect(newSandbox().run('badShape').value).toEqual({
      name: 'Exception',
      message: 'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
      isError: true,
      text: 'Exception: The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    });
  });

  it('records an uncaught failure as a failed execution', () => {
    const sandbox = newSandbox();
    const result = sandbox.run('failLoudly');
    expect(result.error).toMatch(/^Exception: /);
    expect(sandbox.state.executions.at(-1)).toMatchObject({ functionName: 'failLoudly', status: 'failed' });
  });

  it('fires due time-driven triggers in order as the clock advances', () => {
    const sandbox = newSandbox(); // 05:00Z is 10:00 in Karachi
    expect(sandbox.run('scheduleDaily').value).toBe(2);
    const ran = sandbox.advance(24 * 3_600_000);
    expect(ran.map((r) => r.functionName)).toEqual(['onHourly', 'onHourly', 'onHourly', 'onDaily', 'onHourly']);
    expect(ran.every((r) => r.error === null)).toBe(true);
    // 07:mm in Asia/Karachi is 02:mmZ (Google picks the minute); the event object is in UTC.
    expect(sandbox.state.properties.script.lastDaily).toMatch(/^2026-11-28T02:(\d\d):00\.000Z 2:(\d+)$/);
    const [, minute, eventMinute] = /T02:(\d\d):.* 2:(\d+)$/.exec(sandbox.state.properties.script.lastDaily!)!;
    expect(Number(minute)).toBe(Number(eventMinute));
    expect(sandbox.state.properties.script.hourly).toBe('4');
    expect(sandbox.state.clock.toISOString()).toBe('2026-11-28T05:00:00.000Z');
  });

  it("runs a trigger as the person who made it, whoever is at the keyboard then", () => {
    const sandbox = newSandbox();
    const lead = sandbox.state.user;
    sandbox.state.user = { ...lead, email: 'co-lead@cil-demo.example' };
    const id = sandbox.run('scheduleRunnerCheck').value as string;
    sandbox.state.user = lead;
    expect(sandbox.advance(60_000).map((r) => r.error)).toEqual([null]);
    expect(sandbox.state.properties.script.ranAs).toBe('co-lead@cil-demo.example');
    expect(sandbox.state.user.email).toBe('lead@cil-demo.example');
    sandbox.runTrigger(id);
    expect(sandbox.state.properties.script.ranAs).toBe('co-lead@cil-demo.example');
  });

  it('makes waitLock wait on the clock, then time out, while another execution holds the lock', () => {
    const sandbox = newSandbox();
    holdLock(sandbox.state, 'script', 'another-execution', new Date(start.getTime() + 20_000));
    expect(sandbox.run('waitForLock', [10_000]).value).toEqual({
      locked: false,
      waited: 10_000,
      message: 'Lock timeout: another process was holding the lock for too long.',
    });
    expect(sandbox.run('waitForLock', [30_000]).value).toEqual({ locked: true, waited: 10_000 });
    // The lock is released when the execution that took it ends.
    expect(sandbox.run('waitForLock', [0]).value).toEqual({ locked: true, waited: 0 });
  });

  it('stops an execution that runs past six minutes', () => {
    const sandbox = newSandbox();
    const result = sandbox.run('runPastTheLimit');
    expect(result.error).toBe('Exception: Exceeded maximum execution time');
    expect(sandbox.state.properties.script.minute).toBe('6');
  });

  it('keeps what the script logs', () => {
    const sandbox = newSandbox();
    expect(sandbox.run('logSomething').meter.serviceCalls).toBe(1);
    expect(sandbox.state.logs.map((l) => l.message)).toEqual(['hello from the script', 'value is 42']);
  });
});

describe('the web app', () => {
  it('passes doPost the body, its type and the query, and serves the TextOutput', () => {
    const response = callWebApp(newSandbox(), { method: 'POST', body: '{"v":1,"text":"ٹیسٹ"}', contentType: 'text/plain;charset=utf-8', queryString: 'cil=demo&a=1&a=2' });
    expect(response.status).toBe(200);
    expect(response.contentType).toBe('application/json');
    expect(JSON.parse(response.body)).toEqual({
      contents: '{"v":1,"text":"ٹیسٹ"}',
      type: 'text/plain',
      length: 25,
      contentLength: 25,
      parameter: { cil: 'demo', a: '1' },
      queryString: 'cil=demo&a=1&a=2',
    });
  });

  it('passes doGet every value of a repeated parameter and no postData', () => {
    const response = callWebApp(newSandbox(), { method: 'GET', queryString: 'a=1&a=2' });
    expect(JSON.parse(response.body)).toEqual({
      method: 'GET', parameter: { a: '1' }, parameters: { a: ['1', '2'] }, queryString: 'a=1&a=2', hasPostData: false,
      // Executing as the deployer for anyone, the web app cannot tell who calls it.
      activeUser: '', effectiveUser: 'lead@cil-demo.example',
    });
    expect(newSandbox().run('whoAmI').value).toEqual({ activeUser: 'lead@cil-demo.example', effectiveUser: 'lead@cil-demo.example' });
  });
});

describe('a person in the spreadsheet', () => {
  const withSpreadsheet = () => {
    const sandbox = newSandbox();
    const { id } = sandbox.run('writeAndRead').value as { id: string };
    return { sandbox, id };
  };

  it('runs onOpen in LIMITED mode when the spreadsheet opens: menus yes, mail no', () => {
    const { sandbox, id } = withSpreadsheet();
    const opened = sandbox.openSpreadsheet(id)!;
    expect(opened.error).toBeNull();
    expect(JSON.parse(sandbox.state.properties.script.onOpen!)).toEqual({
      authMode: 'LIMITED',
      source: 'Tour',
      denied: 'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    });
    expect(sandbox.state.mail.outbox).toEqual([]);
    expect(sandbox.state.ui.menus).toEqual([{ spreadsheetId: id, title: 'Tour', items: [{ caption: 'Say hello', functionName: 'sayHello' }] }]);
  });

  it('runs no onOpen for a script the person has only as a Workspace add-on, until it is installed as an Editor add-on', () => {
    const { sandbox, id } = withSpreadsheet();
    sandbox.state.workspaceAddOnOnly = true;
    expect(sandbox.openSpreadsheet(id)).toBeNull();
    expect(sandbox.state.ui.menus).toEqual([]);
    expect(() => sandbox.chooseMenuItem(id, 'sayHello')).toThrow(/has no item that runs sayHello/);
    sandbox.installEditorAddOn(id);
    expect(sandbox.openSpreadsheet(id)!.error).toBeNull();
    expect(sandbox.state.ui.menus.map((menu) => menu.title)).toEqual(['Tour']);
  });

  it('runs a menu item with the UI and the active spreadsheet', () => {
    const { sandbox, id } = withSpreadsheet();
    sandbox.openSpreadsheet(id);
    const hello = sandbox.chooseMenuItem(id, 'sayHello');
    expect(hello.value).toBe('OK');
    expect(sandbox.state.ui.shown.at(-1)).toMatchObject({ kind: 'alert', content: 'Hello from Tour' });
    expect(() => sandbox.chooseMenuItem(id, 'writeAndRead')).toThrow(/has no item that runs writeAndRead/);
  });

  it('has no UI outside a spreadsheet a person has open', () => {
    expect(newSandbox().run('uiFromATrigger').error).toBe('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
  });
});

describe('the project as Apps Script sees it', () => {
  it("uses the project's time zone for the script's local time", () => {
    expect(newSandbox().run('localMidnight').value).toEqual({ iso: '2026-11-26T19:00:00.000Z', hours: 10 });
  });

  it('grants only the scopes the manifest declares', () => {
    const narrow = loadBundle(fileURLToPath(new URL('./fixtures/narrow-scopes/Code.js', import.meta.url)));
    const sandbox = new Sandbox(emptyWorkspace({ now: start, scriptTimeZone: narrow.manifest!.timeZone }), narrow);
    expect(sandbox.run('makeSpreadsheet').value).toBe('Allowed');
    expect(sandbox.run('mailSomeone').error).toBe(
      'Exception: You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    expect(sandbox.state.mail.outbox).toEqual([]);
  });
});

describe('two executions at once', () => {
  it('lose an update when they read and write without the lock', () => {
    const sandbox = newSandbox();
    // getScriptProperties, getProperty, then the other execution runs before setProperty.
    sandbox.run('incrementCounter', [], { interleave: { afterCalls: 3, run: () => sandbox.run('incrementCounter') } });
    expect(sandbox.state.properties.script.counter).toBe('1');
  });

  it('keep both updates apart with the script lock: the second waits, then times out', () => {
    const sandbox = newSandbox();
    let second: ReturnType<Sandbox['run']> | undefined;
    const first = sandbox.run('incrementCounterLocked', [], {
      interleave: { afterCalls: 4, run: () => (second = sandbox.run('incrementCounterLocked')) },
    });
    expect(first.error).toBeNull();
    expect(second!.error).toBe('Exception: Lock timeout: another process was holding the lock for too long.');
    expect(sandbox.state.properties.script.counter).toBe('1');
    expect(sandbox.run('incrementCounterLocked').error).toBeNull();
    expect(sandbox.state.properties.script.counter).toBe('2');
  });
});
