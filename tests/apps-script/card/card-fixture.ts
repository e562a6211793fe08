import { expect } from 'vitest';
import { buttonsOf, openAddOn, type AddOnContext, type AddOnPanel, type AddOnStep } from '../../../sandbox/src/runtime/add-on';
import type { ExecutionMeter } from '../../../sandbox/src/execution';
import type { CardTree, TextButtonTree, WidgetTree } from '../../../sandbox/src/services/card-service';
import * as entryPoints from '../../../apps-script/src/main';
import { builtBundle } from '../built-bundle';
import { setUpDemo, type Demo } from '../daily-run-fixture';

// The lead's homepage card on the demo CIL, driven as a lead would: open CIL Hub's side panel in a
// host app, read the card, click its buttons. What each execution cost is measured here.

export { setUpDemo, type Demo };

/** The demo with the daily check run once: Omar Farooq's and Ali Hassan's warnings wait for the lead. */
export function demoWithWarnings(): Demo {
  const demo = setUpDemo();
  const run = demo.sandbox.run('runDailyCheck');
  if (run.error !== null) throw new Error(run.error);
  return demo;
}

export function openCard(demo: Demo, context: AddOnContext = { hostApp: 'DRIVE' }): AddOnPanel {
  const { panel, step } = openAddOn(demo.sandbox, context);
  expect(step.problem).toBeNull();
  return panel;
}

/** Card builders are local to Apps Script; the calls that reach Google's servers are the rest. */
const CARD_CLASSES = /^(CardService|CardBuilder|CardHeader|CardSection|DecoratedText|TextParagraph|TextButton|ButtonSet|TextInput|SelectionInput|Action|OpenLink|Notification|Navigation|ActionResponseBuilder|EditorFileScopeActionResponseBuilder|FixedFooter|Divider|Image)\./;

export interface Cost {
  /** Calls to Google's services (Sheets, Drive, properties, cache, lock, mail…), which cost a round trip each. */
  googleCalls: number;
  /** Calls that only build the card, in the script's own process. */
  cardCalls: number;
  /** Simulated milliseconds the execution took (lock waits, sleeps). */
  simulatedMs: number;
}

export function costOf(step: AddOnStep): Cost {
  const meter: ExecutionMeter = step.execution.meter;
  let cardCalls = 0;
  for (const [method, count] of Object.entries(meter.callsByMethod)) if (CARD_CLASSES.test(method)) cardCalls += count;
  return {
    googleCalls: meter.serviceCalls - cardCalls,
    cardCalls,
    simulatedMs: step.execution.endedAt.getTime() - step.execution.startedAt.getTime(),
  };
}

export function widgets(card: CardTree): WidgetTree[] {
  return card.sections.flatMap((section) => section.widgets);
}

export function sectionNamed(card: CardTree, header: string | RegExp) {
  const section = card.sections.find((candidate) => candidate.header !== null && (typeof header === 'string' ? candidate.header === header : header.test(candidate.header)));
  if (!section) throw new Error(`No section ${String(header)} on the card; it has ${card.sections.map((s) => s.header).join(', ')}`);
  return section;
}

/** The only button with this text (in the section with this header, when given). */
export function buttonOf(panel: AddOnPanel, text: string, section?: string | RegExp, index = 0): TextButtonTree {
  const matching = buttonsOf(panel.card).filter(
    (found) => found.button.text === text && (section === undefined || (found.section !== null && (typeof section === 'string' ? found.section === section : section.test(found.section)))),
  );
  const button = matching[index];
  if (!button) throw new Error(`No button "${text}" on the card`);
  return button.button;
}

/** Every action a card's buttons and inputs run is a top-level function of the built bundle and an export of main.ts. */
export function expectRealEntryPoints(card: CardTree): string[] {
  const names = buttonsOf(card).flatMap(({ button }) => (button.onClick && 'action' in button.onClick ? [button.onClick.action.functionName] : []));
  for (const widget of widgets(card)) if (widget.type === 'selectionInput' && widget.onChange) names.push(widget.onChange.functionName);
  for (const name of names) {
    expect(builtBundle().entryPoints, name).toContain(name);
    expect(Object.keys(entryPoints), name).toContain(name);
  }
  return names;
}

/** All the text the card shows, markup and all. */
export function textOf(card: CardTree): string {
  return JSON.stringify(card);
}

/** Clicks and expects the action to succeed. */
export function clickOk(panel: AddOnPanel, button: TextButtonTree): AddOnStep {
  const step = panel.click(button);
  if (!step) throw new Error('The button opened a link');
  expect(step.problem).toBeNull();
  return step;
}
