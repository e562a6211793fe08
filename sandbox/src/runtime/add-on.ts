import {
  ActionResponse,
  actionResponseTree,
  Card,
  cardTree,
  EditorFileScopeActionResponse,
  editorFileScopeResponseTree,
  type ActionTree,
  type CardTree,
  type OnClickTree,
  type OpenLinkTree,
  type TextButtonTree,
  type WidgetTree,
} from '../services/card-service';
import { zoneOffsetMinutes } from '../../../shared/time/zone';
import type { ExecutionResult, Sandbox } from './sandbox';

// The Google Workspace add-on's side panel, as a host app (Sheets, Drive, Calendar…) shows it: the
// homepage trigger named in the manifest builds the first cards, each button runs its action with an
// event object, and the host follows the ActionResponse (notification, navigation, link). Tests drive
// it as a person would: open the panel, type into a field, click a button.
//
// Modelled on developers.google.com/workspace/add-ons/concepts/event-objects (common and host event
// objects), …/concepts/homepages and …/apps-script/manifest/homepage-trigger (which function builds
// the homepage), …/editors/gsao/building-editor-interfaces (the editors give a file's id only once the
// user granted the drive.file scope for it) and …/how-tos/access-user-locale (locale and time zone
// only with useLocaleFromApp and the script.locale scope). The legacy top-level fields of the action
// event object (formInput, parameters…) are not given: scripts read commonEventObject.

const HOST_APPS = ['SHEETS', 'DOCS', 'SLIDES', 'DRIVE', 'CALENDAR', 'GMAIL'] as const;
export type HostApp = (typeof HOST_APPS)[number];

export interface AddOnContext {
  hostApp: HostApp;
  /** Sheets only: the spreadsheet open in the editor. */
  spreadsheetId?: string;
}

/** One execution the panel ran, and what went wrong in the person's eyes (null: nothing). */
export interface AddOnStep {
  execution: ExecutionResult;
  /** The script's uncaught error, or an answer the host cannot show (no card, no ActionResponse). */
  problem: string | null;
}

interface HomepageTrigger {
  runFunction?: unknown;
  enabled?: unknown;
}

type Manifest = Record<string, unknown>;

const scope = (name: string) => `https://www.googleapis.com/auth/${name}`;

/** Hosts an add-on may extend only with a scope that lets it run there (developers.google.com/workspace/add-ons/concepts/workspace-scopes). */
const EXECUTE_SCOPE: Partial<Record<HostApp, string>> = {
  CALENDAR: scope('calendar.addons.execute'),
  GMAIL: scope('gmail.addons.execute'),
};

const EDITORS: readonly HostApp[] = ['SHEETS', 'DOCS', 'SLIDES'];

const GOOGLE_URL = /^https:\/\/([a-z0-9-]+\.)*google\.com\//;

/**
 * Whether the host opens a link the add-on gives it: a Google address always; any other only when the
 * manifest's addOns.common.openLinkUrlPrefixes lists a prefix of it ("*" for any, "https://*.host/…"
 * for its subdomains), as developers.google.com/apps-script/manifest/allowlist-url has it.
 */
function linkAllowed(manifest: Manifest, url: string): boolean {
  if (GOOGLE_URL.test(url)) return true;
  const prefixes = asObject(manifest.common)?.openLinkUrlPrefixes;
  if (!Array.isArray(prefixes)) return false;
  return prefixes.some((prefix) => {
    if (prefix === '*') return true;
    if (typeof prefix !== 'string') return false;
    const wild = /^https:\/\/\*\.(.*)$/.exec(prefix);
    if (!wild) return url.startsWith(prefix);
    const rest = url.replace(/^https:\/\/([a-z0-9-]+\.)+/, '');
    return url.startsWith('https://') && rest.startsWith(wild[1]!);
  });
}

const asObject = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** Every input widget of a card, by field name, with the value the card gives it. */
function inputsOf(card: CardTree): Map<string, string[]> {
  const inputs = new Map<string, string[]>();
  const visit = (widget: WidgetTree) => {
    if (widget.type === 'textInput') inputs.set(widget.fieldName, widget.value === null ? [] : [widget.value]);
    if (widget.type === 'selectionInput') inputs.set(widget.fieldName, widget.items.filter((item) => item.selected).map((item) => item.value));
  };
  for (const section of card.sections) section.widgets.forEach(visit);
  return inputs;
}

/** Every button of a card, in order, with the header of its section. */
export function buttonsOf(card: CardTree): { section: string | null; button: TextButtonTree }[] {
  const found: { section: string | null; button: TextButtonTree }[] = [];
  for (const section of card.sections) {
    for (const widget of section.widgets) {
      if (widget.type === 'textButton') found.push({ section: section.header, button: widget });
      if (widget.type === 'buttonSet') for (const button of widget.buttons) found.push({ section: section.header, button });
      if (widget.type === 'decoratedText' && widget.button) found.push({ section: section.header, button: widget.button });
    }
  }
  if (card.fixedFooter) {
    found.push({ section: null, button: card.fixedFooter.primaryButton });
    if (card.fixedFooter.secondaryButton) found.push({ section: null, button: card.fixedFooter.secondaryButton });
  }
  return found;
}

/** The side panel of one host app, with the add-on's cards in it (root first). */
export class AddOnPanel {
  readonly cards: CardTree[] = [];
  readonly notifications: string[] = [];
  readonly openedLinks: OpenLinkTree[] = [];
  /** Every execution the panel ran, in order. */
  readonly steps: AddOnStep[] = [];
  /** The add-on asked the person to grant it the drive.file scope for the open document. */
  fileScopeRequested = false;
  #typed = new Map<string, string[]>();

  constructor(
    readonly sandbox: Sandbox,
    readonly context: AddOnContext,
  ) {
    const manifest = this.#manifest();
    if (asObject(manifest[this.#hostKey()]) === null) {
      throw new Error(`The add-on's manifest has no addOns.${this.#hostKey()} section, so it does not show in ${context.hostApp}.`);
    }
    const needed = EXECUTE_SCOPE[context.hostApp];
    const scopes = sandbox.bundle.manifest?.oauthScopes;
    if (needed && scopes && !scopes.includes(needed)) {
      throw new Error(`The add-on cannot run in ${context.hostApp}: its manifest's oauthScopes lack ${needed}.`);
    }
    if (context.hostApp === 'SHEETS' && (!context.spreadsheetId || !sandbox.state.spreadsheets[context.spreadsheetId])) {
      throw new Error('Open the side panel in Sheets with the id of a spreadsheet of the workspace.');
    }
  }

  /** The card on top, as the person sees it. */
  get card(): CardTree {
    const top = this.cards.at(-1);
    if (!top) throw new Error('The panel shows no card.');
    return top;
  }

  /** Opens the panel: the homepage trigger builds the cards. */
  open(): AddOnStep {
    const functionName = this.#homepageFunction();
    return this.#showCards(functionName, this.#event());
  }

  /** The person types into a text input of the card on top (replacing what it held). */
  type(fieldName: string, text: string): this {
    this.#requireInput(fieldName);
    this.#typed.set(fieldName, text === '' ? [] : [text]);
    return this;
  }

  /** The person picks these values of a selection input of the card on top. */
  select(fieldName: string, values: string[]): this {
    const widget = this.card.sections.flatMap((s) => s.widgets).find((w) => w.type === 'selectionInput' && w.fieldName === fieldName);
    if (!widget || widget.type !== 'selectionInput') throw new Error(`The card has no selection input "${fieldName}".`);
    const unknown = values.filter((value) => !widget.items.some((item) => item.value === value));
    if (unknown.length > 0) throw new Error(`The selection input "${fieldName}" offers no ${unknown.join(', ')}.`);
    this.#typed.set(fieldName, [...values]);
    return this;
  }

  /** The person clicks a button (or anything clickable) of the card on top. */
  click(clickable: TextButtonTree | OnClickTree): AddOnStep | null {
    const onClick = clickable !== null && 'type' in clickable ? clickable.onClick : clickable;
    if (onClick === null) throw new Error('That has nothing to do when clicked.');
    if ('openLink' in onClick) {
      this.#open(onClick.openLink);
      return null;
    }
    return this.#runAction(onClick.action);
  }

  /** The person grants the drive.file scope the add-on asked for; the manifest's onFileScopeGrantedTrigger then builds the cards. */
  grantFileScope(): AddOnStep | null {
    if (!this.fileScopeRequested) throw new Error('The add-on has not asked for access to this file.');
    const id = this.context.spreadsheetId!;
    const grants = (this.sandbox.state.addOnFileScopes ??= []);
    if (!grants.includes(id)) grants.push(id);
    this.fileScopeRequested = false;
    const trigger = asObject(asObject(this.#manifest()[this.#hostKey()])?.onFileScopeGrantedTrigger);
    if (typeof trigger?.runFunction !== 'string') return null;
    return this.#showCards(trigger.runFunction, this.#event());
  }

  #open(link: OpenLinkTree): void {
    if (!linkAllowed(this.#manifest(), link.url)) {
      throw new Error(`The host would not open ${link.url}: it is not a Google address, and addOns.common.openLinkUrlPrefixes in the manifest lists no prefix of it.`);
    }
    this.openedLinks.push(link);
  }

  #manifest(): Manifest {
    const addOns = asObject(this.sandbox.bundle.manifest?.addOns);
    if (!addOns) throw new Error("The script's manifest declares no Workspace add-on (addOns).");
    return addOns;
  }

  #hostKey(): string {
    return this.context.hostApp.toLowerCase();
  }

  /** The host's own homepage trigger when defined, else the common one; a disabled one shows no homepage. */
  #homepageFunction(): string {
    const manifest = this.#manifest();
    const own = asObject(asObject(manifest[this.#hostKey()])?.homepageTrigger) as HomepageTrigger | null;
    const common = asObject(asObject(manifest.common)?.homepageTrigger) as HomepageTrigger | null;
    const trigger = own ?? common;
    if (!trigger || trigger.enabled === false || typeof trigger.runFunction !== 'string') {
      throw new Error(`The add-on has no homepage in ${this.context.hostApp}.`);
    }
    return trigger.runFunction;
  }

  #event(action?: ActionTree): Record<string, unknown> {
    const state = this.sandbox.state;
    const common: Record<string, unknown> = { hostApp: this.context.hostApp, platform: 'WEB' };
    const manifest = this.#manifest();
    const scopes = this.sandbox.bundle.manifest?.oauthScopes ?? [];
    if (asObject(manifest.common)?.useLocaleFromApp === true && scopes.includes(scope('script.locale'))) {
      const timeZone = state.scriptTimeZone;
      common.userLocale = 'en';
      common.timeZone = { id: timeZone, offset: String(zoneOffsetMinutes(state.clock, timeZone) * 60_000) };
    }
    if (action) {
      common.parameters = { ...action.parameters };
      const inputs = new Map([...inputsOf(this.card), ...this.#typed]);
      const formInputs: Record<string, unknown> = {};
      for (const [field, values] of inputs) if (values.length > 0) formInputs[field] = { stringInputs: { value: values } };
      if (Object.keys(formInputs).length > 0) common.formInputs = formInputs;
    }
    const event: Record<string, unknown> = { commonEventObject: common };
    if (EDITORS.includes(this.context.hostApp)) {
      const id = this.context.spreadsheetId!;
      const granted = (state.addOnFileScopes ?? []).includes(id);
      event[this.#hostKey()] = granted
        ? { addonHasFileScopePermission: true, id, title: state.spreadsheets[id]!.name }
        : { addonHasFileScopePermission: false };
    }
    return event;
  }

  #run(functionName: string, event: Record<string, unknown>): ExecutionResult {
    return this.sandbox.run(functionName, [event], { trigger: 'add-on' });
  }

  /** A homepage or contextual trigger: its Card (or Cards) become the panel's stack. */
  #showCards(functionName: string, event: Record<string, unknown>): AddOnStep {
    const execution = this.#run(functionName, event);
    const value = execution.value;
    const cards = Array.isArray(value) ? value : [value];
    let problem = execution.error;
    if (problem === null && (cards.length === 0 || !cards.every((card) => card instanceof Card))) {
      problem = `${functionName} returned no Card (a homepage or contextual trigger must return a Card or an array of Cards).`;
    }
    if (problem === null) {
      this.cards.splice(0, this.cards.length, ...cards.map((card) => cardTree(card as Card)));
      this.#typed.clear();
    }
    return this.#record(execution, problem);
  }

  #runAction(action: ActionTree): AddOnStep {
    const execution = this.#run(action.functionName, this.#event(action));
    const value = execution.value;
    if (execution.error !== null) return this.#record(execution, execution.error);
    if (value instanceof EditorFileScopeActionResponse) {
      if (!EDITORS.includes(this.context.hostApp)) return this.#record(execution, 'A file scope request can only be answered in Docs, Sheets or Slides.');
      if (!(this.sandbox.bundle.manifest?.oauthScopes ?? []).includes(scope('drive.file'))) {
        return this.#record(execution, "The add-on asked for the drive.file scope, which its manifest's oauthScopes lack.");
      }
      this.fileScopeRequested = editorFileScopeResponseTree(value).requestFileScopeForActiveDocument;
      return this.#record(execution, null);
    }
    if (!(value instanceof ActionResponse)) {
      return this.#record(execution, `${action.functionName} returned no ActionResponse (a card action must return one).`);
    }
    const response = actionResponseTree(value);
    if (response.notification) this.notifications.push(response.notification.text);
    if (response.openLink) this.#open(response.openLink);
    const before = this.cards.at(-1);
    for (const step of response.navigation ?? []) this.#navigate(step);
    if (this.cards.at(-1) !== before) this.#typed.clear();
    return this.#record(execution, null);
  }

  #navigate(step: NonNullable<ReturnType<typeof actionResponseTree>['navigation']>[number]): void {
    if ('pushCard' in step) this.cards.push(step.pushCard);
    else if ('updateCard' in step) this.cards.splice(Math.max(0, this.cards.length - 1), 1, step.updateCard);
    else if ('popCard' in step) {
      if (this.cards.length > 1) this.cards.pop();
    } else if ('popToRoot' in step) this.cards.splice(1);
    else {
      const at = this.cards.map((card) => card.name).lastIndexOf(step.popToNamedCard);
      if (at >= 0) this.cards.splice(at + 1);
    }
  }

  #requireInput(fieldName: string): void {
    if (!inputsOf(this.card).has(fieldName)) throw new Error(`The card has no input "${fieldName}".`);
  }

  #record(execution: ExecutionResult, problem: string | null): AddOnStep {
    const step = { execution, problem };
    this.steps.push(step);
    return step;
  }
}

/** Opens the add-on's side panel in a host app, as a person clicking its icon does. */
export function openAddOn(sandbox: Sandbox, context: AddOnContext): { panel: AddOnPanel; step: AddOnStep } {
  const panel = new AddOnPanel(sandbox, context);
  return { panel, step: panel.open() };
}
