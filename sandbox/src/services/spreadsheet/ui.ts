import type { ExecutionContext } from '../../execution';
import type { MenuState, ShownUiState } from '../../workspace';
import { googleErrors, fail } from '../../google-errors';

// SpreadsheetApp.getUi() (developers.google.com/apps-script/reference/base/ui): menus are recorded in
// state.ui.menus, dialogs, sidebars and alerts in state.ui.shown. A person's answers to alert and
// prompt come from the execution's scripted uiResponses (first in, first out); with none scripted the
// person presses the first button offered (OK, or YES).

const ButtonSet = Object.freeze({ OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const);
const Button = Object.freeze({ CLOSE: 'CLOSE', OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' } as const);

const BUTTONS_OF: Record<string, string[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** What HtmlService.createHtmlOutput(…) gives; any object with these methods is accepted. */
interface HtmlOutputLike {
  getContent(): string;
  getTitle(): string;
}

function isHtmlOutput(value: unknown): value is HtmlOutputLike {
  const o = value as Partial<HtmlOutputLike> | null;
  return typeof o === 'object' && o !== null && typeof o.getContent === 'function' && typeof o.getTitle === 'function';
}

type MenuItem = MenuState['items'][number];

let menuItems: (menu: Menu) => { title: string; items: MenuItem[] };

export class Menu {
  #ctx: ExecutionContext;
  #title: string;
  #items: MenuItem[] = [];

  static {
    menuItems = (menu) => ({ title: menu.#title, items: menu.#items });
  }

  constructor(ctx: ExecutionContext, title: string) {
    this.#ctx = ctx;
    this.#title = title;
  }

  addItem(caption: unknown, functionName: unknown): this {
    if (typeof caption !== 'string' || typeof functionName !== 'string') fail(googleErrors.signatureMismatch([caption, functionName], 'Ui.Menu.addItem'));
    this.#items.push({ caption, functionName });
    return this;
  }

  addSeparator(): this {
    this.#items.push({ separator: true });
    return this;
  }

  /** A sub-menu is recorded with its items; separators inside it are visual only and not kept. */
  addSubMenu(menu: unknown): this {
    if (!(menu instanceof Menu)) fail(googleErrors.signatureMismatch([menu], 'Ui.Menu.addSubMenu'));
    const sub = menuItems(menu);
    const items = sub.items.flatMap((item) => ('caption' in item ? [item] : 'subMenu' in item ? fail(googleErrors.invalidArgument('menu')) : []));
    this.#items.push({ subMenu: sub.title, items });
    return this;
  }

  /** Replaces a menu of the same title in this spreadsheet, as a second onOpen run would. */
  addToUi(): void {
    const spreadsheetId = this.#ctx.activeSpreadsheetId ?? '';
    const menus = this.#ctx.state.ui.menus;
    const menu: MenuState = { spreadsheetId, title: this.#title, items: structuredClone(this.#items) };
    const existing = menus.findIndex((m) => m.spreadsheetId === spreadsheetId && m.title === this.#title);
    if (existing >= 0) menus[existing] = menu;
    else menus.push(menu);
  }
}

export class PromptResponse {
  #button: string;
  #text: string;

  constructor(button: string, text: string) {
    this.#button = button;
    this.#text = text;
  }

  getResponseText(): string {
    return this.#text;
  }

  getSelectedButton(): string {
    return this.#button;
  }
}

export class Ui {
  readonly ButtonSet = ButtonSet;
  readonly Button = Button;
  #ctx: ExecutionContext;

  constructor(ctx: ExecutionContext) {
    this.#ctx = ctx;
  }

  createMenu(caption: unknown): Menu {
    if (typeof caption !== 'string') fail(googleErrors.signatureMismatch([caption], 'Ui.createMenu'));
    return new Menu(this.#ctx, caption);
  }

  /** The add-on's menu under Extensions; recorded with the title '(add-on)'. */
  createAddonMenu(): Menu {
    return new Menu(this.#ctx, '(add-on)');
  }

  #show(kind: ShownUiState['kind'], title: string, content: string): void {
    this.#ctx.state.ui.shown.push({ at: this.#ctx.now(), kind, title, content });
  }

  /** alert(prompt) · alert(prompt, buttons) · alert(title, prompt, buttons) */
  alert(...args: unknown[]): string {
    const { title, prompt, buttons } = this.#dialogArgs(args, 'Ui.alert');
    this.#show('alert', title, prompt);
    return this.#answer(buttons).button;
  }

  /** prompt(prompt) · prompt(prompt, buttons) · prompt(title, prompt, buttons) */
  prompt(...args: unknown[]): PromptResponse {
    const { title, prompt, buttons } = this.#dialogArgs(args, 'Ui.prompt');
    this.#show('prompt', title, prompt);
    const answer = this.#answer(buttons);
    return new PromptResponse(answer.button, answer.text ?? '');
  }

  #dialogArgs(args: unknown[], method: string): { title: string; prompt: string; buttons: string } {
    const [a, b, c] = args;
    const isSet = (v: unknown): v is string => typeof v === 'string' && v in BUTTONS_OF;
    if (args.length === 1 && typeof a === 'string') return { title: '', prompt: a, buttons: 'OK' };
    if (args.length === 2 && typeof a === 'string' && isSet(b)) return { title: '', prompt: a, buttons: b };
    if (args.length === 3 && typeof a === 'string' && typeof b === 'string' && isSet(c)) return { title: a, prompt: b, buttons: c };
    return fail(googleErrors.signatureMismatch(args, method));
  }

  #answer(buttons: string): { button: string; text?: string } {
    const offered = BUTTONS_OF[buttons]!;
    const scripted = this.#ctx.uiResponses.shift();
    if (!scripted) return { button: offered[0]! };
    // CLOSE is the dialog's own close box, always there.
    if (scripted.button !== 'CLOSE' && !offered.includes(scripted.button)) fail(googleErrors.uiResponseNotOffered(scripted.button, offered.join(', ')));
    return scripted;
  }

  showSidebar(userInterface: unknown): void {
    if (!isHtmlOutput(userInterface)) fail(googleErrors.signatureMismatch([userInterface], 'Ui.showSidebar'));
    this.#show('sidebar', userInterface.getTitle(), userInterface.getContent());
  }

  showModalDialog(userInterface: unknown, title: unknown): void {
    if (!isHtmlOutput(userInterface) || typeof title !== 'string') fail(googleErrors.signatureMismatch([userInterface, title], 'Ui.showModalDialog'));
    this.#show('modalDialog', title, userInterface.getContent());
  }

  showModelessDialog(userInterface: unknown, title: unknown): void {
    if (!isHtmlOutput(userInterface) || typeof title !== 'string') fail(googleErrors.signatureMismatch([userInterface, title], 'Ui.showModelessDialog'));
    this.#show('modelessDialog', title, userInterface.getContent());
  }
}
