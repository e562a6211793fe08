import { describe, it, expect } from 'vitest';
import vm from 'node:vm';
import type { AppsScriptBundle } from '../../sandbox/src/runtime/apps-script-bundle';
import { buttonsOf, openAddOn } from '../../sandbox/src/runtime/add-on';
import { Sandbox } from '../../sandbox/src/runtime/sandbox';
import { emptyWorkspace } from '../../sandbox/src/workspace';

// The Workspace add-on's side panel: which function builds the homepage (manifest), the event objects
// the host hands the script, how it follows an ActionResponse, the drive.file grant in the editors,
// and the 30-second limit of add-on executions.

const SCRIPT = `
function home(e) {
  PropertiesService.getScriptProperties().setProperty('homeEvent', JSON.stringify(e));
  return CardService.newCardBuilder().setName('home')
    .addSection(CardService.newCardSection()
      .addWidget(CardService.newTextInput().setFieldName('reason').setValue('default reason'))
      .addWidget(CardService.newSelectionInput().setType(CardService.SelectionInputType.DROPDOWN).setFieldName('who').addItem('A', 'a', true).addItem('B', 'b', false))
      .addWidget(CardService.newButtonSet()
        .addButton(CardService.newTextButton().setText('Next').setOnClickAction(CardService.newAction().setFunctionName('next').setParameters({ step: '2' })))
        .addButton(CardService.newTextButton().setText('Docs').setOpenLink(CardService.newOpenLink().setUrl('https://example.org/docs')))
        .addButton(CardService.newTextButton().setText('Nothing').setOnClickAction(CardService.newAction().setFunctionName('nothing')))
        .addButton(CardService.newTextButton().setText('Slow').setOnClickAction(CardService.newAction().setFunctionName('slow')))
        .addButton(CardService.newTextButton().setText('Access').setOnClickAction(CardService.newAction().setFunctionName('askAccess')))))
    .build();
}
function sheetsHome(e) {
  PropertiesService.getScriptProperties().setProperty('sheetsEvent', JSON.stringify(e));
  return [home(e)];
}
function granted(e) {
  PropertiesService.getScriptProperties().setProperty('grantedEvent', JSON.stringify(e));
  return home(e);
}
function next(e) {
  PropertiesService.getScriptProperties().setProperty('actionEvent', JSON.stringify(e));
  var card = CardService.newCardBuilder().setName('second')
    .addSection(CardService.newCardSection().addWidget(CardService.newTextButton().setText('Back')
      .setOnClickAction(CardService.newAction().setFunctionName('back')))).build();
  return CardService.newActionResponseBuilder()
    .setNotification(CardService.newNotification().setText('Moved on'))
    .setNavigation(CardService.newNavigation().pushCard(card)).build();
}
function back() {
  return CardService.newActionResponseBuilder().setNavigation(CardService.newNavigation().popCard()).build();
}
function nothing() { return 'done'; }
function slow() {
  Utilities.sleep(20000);
  Utilities.sleep(15000);
  PropertiesService.getScriptProperties().setProperty('slow', 'finished');
  return CardService.newActionResponseBuilder().build();
}
function askAccess() {
  return CardService.newEditorFileScopeActionResponseBuilder().requestFileScopeForActiveDocument().build();
}
`;

const SCOPES = ['https://www.googleapis.com/auth/drive.file', 'https://www.googleapis.com/auth/calendar.addons.execute'];

function sandboxWith(addOns: Record<string, unknown>, oauthScopes = SCOPES): Sandbox {
  const bundle: AppsScriptBundle = {
    path: 'add-on.js',
    script: new vm.Script(SCRIPT, { filename: 'add-on.js' }),
    entryPoints: ['home', 'sheetsHome', 'granted', 'next', 'back', 'nothing', 'slow', 'askAccess'],
    manifest: { oauthScopes, addOns },
  };
  return new Sandbox(emptyWorkspace({ now: new Date('2026-11-27T05:00:00Z') }), bundle);
}

const ADD_ONS = {
  common: { name: 'Test', logoUrl: 'https://example.org/logo.png', homepageTrigger: { runFunction: 'home' } },
  drive: {},
  calendar: {},
  sheets: { homepageTrigger: { runFunction: 'sheetsHome' }, onFileScopeGrantedTrigger: { runFunction: 'granted' } },
};

const eventOf = (sandbox: Sandbox, key: string) => JSON.parse(sandbox.state.properties.script[key]!);

function newSpreadsheet(sandbox: Sandbox): string {
  const id = 'sheet-1';
  sandbox.state.spreadsheets[id] = { id, name: 'Tracker', timeZone: 'Asia/Karachi', locale: 'en_GB', sheets: [], nextSheetId: 1 };
  return id;
}

const button = (sandbox: ReturnType<typeof openAddOn>['panel'], text: string) => buttonsOf(sandbox.card).find((b) => b.button.text === text)!.button;

describe('the add-on side panel', () => {
  it('builds the homepage with the common trigger, passing only the common event object', () => {
    const sandbox = sandboxWith(ADD_ONS);
    const { panel, step } = openAddOn(sandbox, { hostApp: 'DRIVE' });
    expect(step.problem).toBeNull();
    expect(step.execution.functionName).toBe('home');
    expect(sandbox.state.executions.at(-1)!.trigger).toBe('add-on');
    expect(eventOf(sandbox, 'homeEvent')).toEqual({ commonEventObject: { hostApp: 'DRIVE', platform: 'WEB' } });
    expect(panel.card.name).toBe('home');
  });

  it("lets a host's own homepage trigger override the common one", () => {
    const sandbox = sandboxWith(ADD_ONS);
    const { step } = openAddOn(sandbox, { hostApp: 'SHEETS', spreadsheetId: newSpreadsheet(sandbox) });
    expect(step.execution.functionName).toBe('sheetsHome');
  });

  it('does not show in a host the manifest does not extend, nor in Calendar without its execute scope', () => {
    const sandbox = sandboxWith({ common: ADD_ONS.common, drive: {} });
    expect(() => openAddOn(sandbox, { hostApp: 'CALENDAR' })).toThrow('no addOns.calendar section');
    const withoutScope = sandboxWith(ADD_ONS, ['https://www.googleapis.com/auth/drive.file']);
    expect(() => openAddOn(withoutScope, { hostApp: 'CALENDAR' })).toThrow('lack https://www.googleapis.com/auth/calendar.addons.execute');
    expect(() => openAddOn(sandboxWith({ drive: {} }), { hostApp: 'DRIVE' })).toThrow('no homepage in DRIVE');
  });

  it('gives the locale and time zone only with useLocaleFromApp and the script.locale scope', () => {
    const withLocale = { ...ADD_ONS, common: { ...ADD_ONS.common, useLocaleFromApp: true } };
    const without = sandboxWith(withLocale);
    openAddOn(without, { hostApp: 'DRIVE' });
    expect(eventOf(without, 'homeEvent').commonEventObject.userLocale).toBeUndefined();
    const sandbox = sandboxWith(withLocale, [...SCOPES, 'https://www.googleapis.com/auth/script.locale']);
    openAddOn(sandbox, { hostApp: 'DRIVE' });
    expect(eventOf(sandbox, 'homeEvent').commonEventObject).toMatchObject({ userLocale: 'en', timeZone: { id: 'Asia/Karachi', offset: '18000000' } });
  });

  it("runs a button's action with its parameters and the card's inputs, and follows the response", () => {
    const sandbox = sandboxWith(ADD_ONS);
    const { panel } = openAddOn(sandbox, { hostApp: 'DRIVE' });
    panel.type('reason', 'Told me on WhatsApp');
    const step = panel.click(button(panel, 'Next'))!;
    expect(step.problem).toBeNull();
    expect(eventOf(sandbox, 'actionEvent')).toEqual({
      commonEventObject: {
        hostApp: 'DRIVE',
        platform: 'WEB',
        parameters: { step: '2' },
        formInputs: { reason: { stringInputs: { value: ['Told me on WhatsApp'] } }, who: { stringInputs: { value: ['a'] } } },
      },
    });
    expect(panel.notifications).toEqual(['Moved on']);
    expect(panel.cards.map((card) => card.name)).toEqual(['home', 'second']);
    panel.click(button(panel, 'Back'));
    expect(panel.cards.map((card) => card.name)).toEqual(['home']);
  });

  it('opens a link outside Google only when the manifest allows its prefix', () => {
    const { panel } = openAddOn(sandboxWith(ADD_ONS), { hostApp: 'DRIVE' });
    expect(() => panel.click(button(panel, 'Docs'))).toThrow(
      'The host would not open https://example.org/docs: it is not a Google address, and addOns.common.openLinkUrlPrefixes in the manifest lists no prefix of it.',
    );
    expect(panel.openedLinks).toEqual([]);
    const wild = openAddOn(sandboxWith({ ...ADD_ONS, common: { ...ADD_ONS.common, openLinkUrlPrefixes: ['https://*.example.org/'] } }), { hostApp: 'DRIVE' }).panel;
    expect(() => wild.click(button(wild, 'Docs'))).toThrow(/would not open/);
    const sub = openAddOn(sandboxWith({ ...ADD_ONS, common: { ...ADD_ONS.common, openLinkUrlPrefixes: ['https://example.org/docs'] } }), { hostApp: 'DRIVE' }).panel;
    expect(sub.click(button(sub, 'Docs'))).toBeNull();
  });

  it('opens a link without running anything, and refuses an action that returns no ActionResponse', () => {
    const sandbox = sandboxWith({ ...ADD_ONS, common: { ...ADD_ONS.common, openLinkUrlPrefixes: ['https://example.org/'] } });
    const { panel } = openAddOn(sandbox, { hostApp: 'DRIVE' });
    const executions = sandbox.state.executions.length;
    expect(panel.click(button(panel, 'Docs'))).toBeNull();
    expect(panel.openedLinks).toEqual([{ url: 'https://example.org/docs', openAs: 'FULL_SIZE', onClose: 'NOTHING' }]);
    expect(sandbox.state.executions).toHaveLength(executions);
    expect(panel.click(button(panel, 'Nothing'))!.problem).toBe('nothing returned no ActionResponse (a card action must return one).');
  });

  it('runs only top-level functions of the script, and wants a Card from a homepage trigger', () => {
    const sandbox = sandboxWith(ADD_ONS);
    const { panel } = openAddOn(sandbox, { hostApp: 'DRIVE' });
    const step = panel.click({ action: { functionName: 'gone', parameters: {}, loadIndicator: 'SPINNER' } })!;
    expect(step.problem).toBe('Error: Script function not found: gone');
    const odd = sandboxWith({ ...ADD_ONS, drive: { homepageTrigger: { runFunction: 'nothing' } } });
    expect(openAddOn(odd, { hostApp: 'DRIVE' }).step.problem).toBe('nothing returned no Card (a homepage or contextual trigger must return a Card or an array of Cards).');
  });

  it('stops an add-on execution at 30 seconds', () => {
    const sandbox = sandboxWith(ADD_ONS);
    const { panel } = openAddOn(sandbox, { hostApp: 'DRIVE' });
    const step = panel.click(button(panel, 'Slow'))!;
    expect(step.problem).toBe('Exception: Exceeded maximum execution time');
    expect(sandbox.state.properties.script.slow).toBeUndefined();
  });

  it("gives an editor's file id only once the person granted the drive.file scope the add-on asked for", () => {
    const sandbox = sandboxWith(ADD_ONS);
    const spreadsheetId = newSpreadsheet(sandbox);
    const { panel } = openAddOn(sandbox, { hostApp: 'SHEETS', spreadsheetId });
    expect(eventOf(sandbox, 'sheetsEvent')).toEqual({ commonEventObject: { hostApp: 'SHEETS', platform: 'WEB' }, sheets: { addonHasFileScopePermission: false } });
    expect(() => panel.grantFileScope()).toThrow('has not asked');
    expect(panel.click(button(panel, 'Access'))!.problem).toBeNull();
    expect(panel.fileScopeRequested).toBe(true);
    const granted = panel.grantFileScope()!;
    expect(granted.execution.functionName).toBe('granted');
    expect(eventOf(sandbox, 'grantedEvent').sheets).toEqual({ addonHasFileScopePermission: true, id: spreadsheetId, title: 'Tracker' });
    expect(sandbox.state.addOnFileScopes).toEqual([spreadsheetId]);
  });

  it('refuses a file scope request from an add-on whose manifest lacks drive.file', () => {
    const sandbox = sandboxWith(ADD_ONS, ['https://www.googleapis.com/auth/calendar.addons.execute']);
    const { panel } = openAddOn(sandbox, { hostApp: 'SHEETS', spreadsheetId: newSpreadsheet(sandbox) });
    expect(panel.click(button(panel, 'Access'))!.problem).toBe("The add-on asked for the drive.file scope, which its manifest's oauthScopes lack.");
  });
});
