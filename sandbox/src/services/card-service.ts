import type { ExecutionContext } from '../execution';
import { fail, googleErrors } from '../google-errors';

// CardService (developers.google.com/apps-script/reference/card-service): builders for the
// Workspace add-on's cards. The script sees builders and Cards; the host reads what was built as a
// plain tree (`cardTree`, `actionResponseTree`) to show it and to run a button's action (the tree keeps
// each action's function name and parameters).
//
// A part is copied into its parent when it is added (addWidget, addButton, setOnClickAction…), so
// changing a builder afterwards does not change a card already assembled. Card.build() checks the
// whole tree: at least one section, no empty section, no button without an action or link.

// ---- the tree the host reads ----

export interface ActionTree {
  functionName: string;
  parameters: Record<string, string>;
  loadIndicator: string;
}

export interface OpenLinkTree {
  url: string;
  openAs: string;
  onClose: string;
}

/** What clicking does: run a function, or open a link (a oneof at Google: the last one set wins). */
export type OnClickTree = { action: ActionTree } | { openLink: OpenLinkTree } | null;

export interface TextButtonTree {
  type: 'textButton';
  text: string;
  style: string;
  disabled: boolean;
  onClick: OnClickTree;
}

export type WidgetTree =
  | { type: 'textParagraph'; text: string }
  | {
      type: 'decoratedText';
      text: string;
      topLabel: string | null;
      bottomLabel: string | null;
      wrapText: boolean;
      button: TextButtonTree | null;
      onClick: OnClickTree;
    }
  | { type: 'buttonSet'; buttons: TextButtonTree[] }
  | TextButtonTree
  | { type: 'textInput'; fieldName: string; title: string | null; hint: string | null; value: string | null; multiline: boolean }
  | {
      type: 'selectionInput';
      selectionType: string;
      fieldName: string;
      title: string | null;
      items: { text: string; value: string; selected: boolean }[];
      onChange: ActionTree | null;
    }
  | { type: 'image'; imageUrl: string; altText: string | null; onClick: OnClickTree }
  | { type: 'divider' };

export interface CardHeaderTree {
  title: string;
  subtitle: string | null;
  imageUrl: string | null;
  imageAltText: string | null;
  imageStyle: string;
}

export interface CardSectionTree {
  header: string | null;
  collapsible: boolean;
  numUncollapsibleWidgets: number | null;
  widgets: WidgetTree[];
}

export interface CardTree {
  type: 'card';
  name: string | null;
  header: CardHeaderTree | null;
  sections: CardSectionTree[];
  fixedFooter: { primaryButton: TextButtonTree; secondaryButton: TextButtonTree | null } | null;
}

export type NavigationStep =
  | { pushCard: CardTree }
  | { updateCard: CardTree }
  | { popCard: true }
  | { popToRoot: true }
  | { popToNamedCard: string };

export interface ActionResponseTree {
  notification: { text: string } | null;
  navigation: NavigationStep[] | null;
  openLink: OpenLinkTree | null;
  stateChanged: boolean;
}

// ---- enums ----

const enumOf = <const T extends readonly string[]>(names: T): { readonly [K in T[number]]: K } =>
  Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in T[number]]: K };

const TextButtonStyle = enumOf(['OUTLINED', 'FILLED', 'FILLED_TONAL', 'BORDERLESS'] as const);
const SelectionInputType = enumOf(['CHECK_BOX', 'RADIO_BUTTON', 'DROPDOWN', 'SWITCH', 'MULTI_SELECT'] as const);
const LoadIndicator = enumOf(['SPINNER', 'NONE'] as const);
const OpenAs = enumOf(['FULL_SIZE', 'OVERLAY'] as const);
const OnClose = enumOf(['NOTHING', 'RELOAD', 'RELOAD_ADD_ON'] as const);
const ImageStyle = enumOf(['SQUARE', 'CIRCLE'] as const);

const oneOf = (values: object, value: unknown, argument: string): string => {
  if (typeof value !== 'string' || !Object.hasOwn(values, value)) fail(googleErrors.invalidArgument(argument));
  return value;
};

// ---- the parts ----

/** Each part's own node, outside the object, so the script sees only the documented methods. */
const nodes = new WeakMap<object, unknown>();

/** A copy of `part`'s node, after checking that it is the kind of part the method takes. */
function copyOf<T>(part: unknown, kinds: (abstract new (...args: never[]) => object)[], argument: string): T {
  if (typeof part !== 'object' || part === null || !kinds.some((kind) => part instanceof kind)) {
    fail(googleErrors.invalidArgument(argument));
  }
  return structuredClone(nodes.get(part)) as T;
}

function nodeOf<T>(part: object): T {
  return nodes.get(part) as T;
}

const text = (value: unknown): string => String(value);

export class Action {
  constructor() {
    nodes.set(this, { functionName: '', parameters: {}, loadIndicator: LoadIndicator.SPINNER } satisfies ActionTree);
  }

  setFunctionName(functionName: string): this {
    nodeOf<ActionTree>(this).functionName = text(functionName);
    return this;
  }

  /** Keys and values must be strings (…/card-service/action#setparametersparameters). */
  setParameters(parameters: Record<string, unknown>): this {
    if (parameters === null || typeof parameters !== 'object') fail(googleErrors.invalidArgument('parameters'));
    for (const [key, value] of Object.entries(parameters)) {
      if (typeof value !== 'string') fail(googleErrors.cardActionParameterNotString(key));
    }
    nodeOf<ActionTree>(this).parameters = { ...(parameters as Record<string, string>) };
    return this;
  }

  setLoadIndicator(loadIndicator: string): this {
    nodeOf<ActionTree>(this).loadIndicator = oneOf(LoadIndicator, loadIndicator, 'loadIndicator');
    return this;
  }
}

export class OpenLink {
  constructor() {
    nodes.set(this, { url: '', openAs: OpenAs.FULL_SIZE, onClose: OnClose.NOTHING } satisfies OpenLinkTree);
  }

  setUrl(url: string): this {
    nodeOf<OpenLinkTree>(this).url = text(url);
    return this;
  }

  setOpenAs(openAs: string): this {
    nodeOf<OpenLinkTree>(this).openAs = oneOf(OpenAs, openAs, 'openAs');
    return this;
  }

  setOnClose(onClose: string): this {
    nodeOf<OpenLinkTree>(this).onClose = oneOf(OnClose, onClose, 'onClose');
    return this;
  }
}

type Clickable = { onClick: OnClickTree };

const setAction = (part: object, action: unknown): void => {
  nodeOf<Clickable>(part).onClick = { action: copyOf<ActionTree>(action, [Action], 'action') };
};

const setOpenLink = (part: object, openLink: unknown): void => {
  nodeOf<Clickable>(part).onClick = { openLink: copyOf<OpenLinkTree>(openLink, [OpenLink], 'openLink') };
};

export class TextButton {
  constructor() {
    nodes.set(this, { type: 'textButton', text: '', style: TextButtonStyle.OUTLINED, disabled: false, onClick: null } satisfies TextButtonTree);
  }

  setText(value: string): this {
    nodeOf<TextButtonTree>(this).text = text(value);
    return this;
  }

  setTextButtonStyle(style: string): this {
    nodeOf<TextButtonTree>(this).style = oneOf(TextButtonStyle, style, 'textButtonStyle');
    return this;
  }

  setDisabled(disabled: boolean): this {
    nodeOf<TextButtonTree>(this).disabled = Boolean(disabled);
    return this;
  }

  setOnClickAction(action: Action): this {
    setAction(this, action);
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    setOpenLink(this, openLink);
    return this;
  }
}

export class ButtonSet {
  constructor() {
    nodes.set(this, { type: 'buttonSet', buttons: [] } satisfies WidgetTree);
  }

  addButton(button: TextButton): this {
    nodeOf<{ buttons: TextButtonTree[] }>(this).buttons.push(copyOf<TextButtonTree>(button, [TextButton], 'button'));
    return this;
  }
}

export class TextParagraph {
  constructor() {
    nodes.set(this, { type: 'textParagraph', text: '' } satisfies WidgetTree);
  }

  setText(value: string): this {
    nodeOf<{ text: string }>(this).text = text(value);
    return this;
  }
}

type DecoratedTextTree = Extract<WidgetTree, { type: 'decoratedText' }>;

export class DecoratedText {
  constructor() {
    nodes.set(this, {
      type: 'decoratedText',
      text: '',
      topLabel: null,
      bottomLabel: null,
      wrapText: false,
      button: null,
      onClick: null,
    } satisfies DecoratedTextTree);
  }

  setText(value: string): this {
    nodeOf<DecoratedTextTree>(this).text = text(value);
    return this;
  }

  setTopLabel(value: string): this {
    nodeOf<DecoratedTextTree>(this).topLabel = text(value);
    return this;
  }

  setBottomLabel(value: string): this {
    nodeOf<DecoratedTextTree>(this).bottomLabel = text(value);
    return this;
  }

  setWrapText(wrapText: boolean): this {
    nodeOf<DecoratedTextTree>(this).wrapText = Boolean(wrapText);
    return this;
  }

  setButton(button: TextButton): this {
    nodeOf<DecoratedTextTree>(this).button = copyOf<TextButtonTree>(button, [TextButton], 'button');
    return this;
  }

  setOnClickAction(action: Action): this {
    setAction(this, action);
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    setOpenLink(this, openLink);
    return this;
  }
}

type TextInputTree = Extract<WidgetTree, { type: 'textInput' }>;

export class TextInput {
  constructor() {
    nodes.set(this, { type: 'textInput', fieldName: '', title: null, hint: null, value: null, multiline: false } satisfies TextInputTree);
  }

  setFieldName(fieldName: string): this {
    nodeOf<TextInputTree>(this).fieldName = text(fieldName);
    return this;
  }

  setTitle(title: string): this {
    nodeOf<TextInputTree>(this).title = text(title);
    return this;
  }

  setHint(hint: string): this {
    nodeOf<TextInputTree>(this).hint = text(hint);
    return this;
  }

  setValue(value: string): this {
    nodeOf<TextInputTree>(this).value = text(value);
    return this;
  }

  setMultiline(multiline: boolean): this {
    nodeOf<TextInputTree>(this).multiline = Boolean(multiline);
    return this;
  }
}

type SelectionInputTree = Extract<WidgetTree, { type: 'selectionInput' }>;

export class SelectionInput {
  constructor() {
    nodes.set(this, {
      type: 'selectionInput',
      selectionType: SelectionInputType.CHECK_BOX,
      fieldName: '',
      title: null,
      items: [],
      onChange: null,
    } satisfies SelectionInputTree);
  }

  setType(type: string): this {
    nodeOf<SelectionInputTree>(this).selectionType = oneOf(SelectionInputType, type, 'type');
    return this;
  }

  setFieldName(fieldName: string): this {
    nodeOf<SelectionInputTree>(this).fieldName = text(fieldName);
    return this;
  }

  setTitle(title: string): this {
    nodeOf<SelectionInputTree>(this).title = text(title);
    return this;
  }

  /** Text and value may be any value; Google stores them as strings. */
  addItem(itemText: unknown, value: unknown, selected: boolean): this {
    nodeOf<SelectionInputTree>(this).items.push({ text: text(itemText), value: text(value), selected: Boolean(selected) });
    return this;
  }

  setOnChangeAction(action: Action): this {
    nodeOf<SelectionInputTree>(this).onChange = copyOf<ActionTree>(action, [Action], 'action');
    return this;
  }
}

type ImageTree = Extract<WidgetTree, { type: 'image' }>;

export class Image {
  constructor() {
    nodes.set(this, { type: 'image', imageUrl: '', altText: null, onClick: null } satisfies ImageTree);
  }

  setImageUrl(url: string): this {
    nodeOf<ImageTree>(this).imageUrl = text(url);
    return this;
  }

  setAltText(altText: string): this {
    nodeOf<ImageTree>(this).altText = text(altText);
    return this;
  }

  setOnClickAction(action: Action): this {
    setAction(this, action);
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    setOpenLink(this, openLink);
    return this;
  }
}

export class Divider {
  constructor() {
    nodes.set(this, { type: 'divider' } satisfies WidgetTree);
  }
}

const WIDGETS = [TextParagraph, DecoratedText, ButtonSet, TextButton, TextInput, SelectionInput, Image, Divider];

export class CardHeader {
  constructor() {
    nodes.set(this, { title: '', subtitle: null, imageUrl: null, imageAltText: null, imageStyle: ImageStyle.SQUARE } satisfies CardHeaderTree);
  }

  setTitle(title: string): this {
    nodeOf<CardHeaderTree>(this).title = text(title);
    return this;
  }

  setSubtitle(subtitle: string): this {
    nodeOf<CardHeaderTree>(this).subtitle = text(subtitle);
    return this;
  }

  setImageUrl(imageUrl: string): this {
    nodeOf<CardHeaderTree>(this).imageUrl = text(imageUrl);
    return this;
  }

  setImageAltText(imageAltText: string): this {
    nodeOf<CardHeaderTree>(this).imageAltText = text(imageAltText);
    return this;
  }

  setImageStyle(imageStyle: string): this {
    nodeOf<CardHeaderTree>(this).imageStyle = oneOf(ImageStyle, imageStyle, 'imageStyle');
    return this;
  }
}

export class CardSection {
  constructor() {
    nodes.set(this, { header: null, collapsible: false, numUncollapsibleWidgets: null, widgets: [] } satisfies CardSectionTree);
  }

  setHeader(header: string): this {
    nodeOf<CardSectionTree>(this).header = text(header);
    return this;
  }

  addWidget(widget: object): this {
    nodeOf<CardSectionTree>(this).widgets.push(copyOf<WidgetTree>(widget, WIDGETS, 'widget'));
    return this;
  }

  setCollapsible(collapsible: boolean): this {
    nodeOf<CardSectionTree>(this).collapsible = Boolean(collapsible);
    return this;
  }

  setNumUncollapsibleWidgets(count: number): this {
    if (!Number.isInteger(count) || count < 0) fail(googleErrors.invalidArgument('numUncollapsibleWidgets'));
    nodeOf<CardSectionTree>(this).numUncollapsibleWidgets = count;
    return this;
  }
}

type FixedFooterNode = { primaryButton: TextButtonTree | null; secondaryButton: TextButtonTree | null };

export class FixedFooter {
  constructor() {
    nodes.set(this, { primaryButton: null, secondaryButton: null } satisfies FixedFooterNode);
  }

  setPrimaryButton(button: TextButton): this {
    nodeOf<FixedFooterNode>(this).primaryButton = copyOf<TextButtonTree>(button, [TextButton], 'button');
    return this;
  }

  setSecondaryButton(button: TextButton): this {
    nodeOf<FixedFooterNode>(this).secondaryButton = copyOf<TextButtonTree>(button, [TextButton], 'button');
    return this;
  }
}

// ---- checks made when a card is built ----

function checkOnClick(onClick: OnClickTree): void {
  if (onClick === null) return;
  if ('action' in onClick && onClick.action.functionName === '') fail(googleErrors.cardFieldMissing('Action', 'a function name'));
  if ('openLink' in onClick && onClick.openLink.url === '') fail(googleErrors.cardFieldMissing('OpenLink', 'a URL'));
}

function checkButton(button: TextButtonTree): void {
  if (button.text === '') fail(googleErrors.cardFieldMissing('TextButton', 'text'));
  if (button.onClick === null) fail(googleErrors.cardButtonWithoutAction());
  checkOnClick(button.onClick);
}

function checkWidget(widget: WidgetTree): void {
  switch (widget.type) {
    case 'textParagraph':
      if (widget.text === '') fail(googleErrors.cardFieldMissing('TextParagraph', 'text'));
      return;
    case 'decoratedText':
      if (widget.text === '') fail(googleErrors.cardFieldMissing('DecoratedText', 'text'));
      if (widget.button) checkButton(widget.button);
      checkOnClick(widget.onClick);
      return;
    case 'buttonSet':
      if (widget.buttons.length === 0) fail(googleErrors.cardFieldMissing('ButtonSet', 'at least one button'));
      widget.buttons.forEach(checkButton);
      return;
    case 'textButton':
      checkButton(widget);
      return;
    case 'textInput':
      if (widget.fieldName === '') fail(googleErrors.cardFieldMissing('TextInput', 'a field name'));
      return;
    case 'selectionInput':
      if (widget.fieldName === '') fail(googleErrors.cardFieldMissing('SelectionInput', 'a field name'));
      if (widget.onChange?.functionName === '') fail(googleErrors.cardFieldMissing('Action', 'a function name'));
      return;
    case 'image':
      if (widget.imageUrl === '') fail(googleErrors.cardFieldMissing('Image', 'an image URL'));
      checkOnClick(widget.onClick);
      return;
    case 'divider':
      return;
  }
}

/** A built card: what a homepage trigger or a navigation returns. */
export class Card {
  constructor(tree: CardTree) {
    nodes.set(this, tree);
  }

  /** The card as JSON: the sandbox's own tree (`cardTree`), not Google's wire format. */
  printJson(): string {
    return JSON.stringify(nodeOf<CardTree>(this), null, 2);
  }
}

type CardNode = Omit<CardTree, 'fixedFooter'> & { fixedFooter: FixedFooterNode | null };

export class CardBuilder {
  constructor() {
    nodes.set(this, { type: 'card', name: null, header: null, sections: [], fixedFooter: null } satisfies CardNode);
  }

  setHeader(header: CardHeader): this {
    nodeOf<CardNode>(this).header = copyOf<CardHeaderTree>(header, [CardHeader], 'cardHeader');
    return this;
  }

  addSection(section: CardSection): this {
    nodeOf<CardNode>(this).sections.push(copyOf<CardSectionTree>(section, [CardSection], 'section'));
    return this;
  }

  setFixedFooter(fixedFooter: FixedFooter): this {
    nodeOf<CardNode>(this).fixedFooter = copyOf<FixedFooterNode>(fixedFooter, [FixedFooter], 'fixedFooter');
    return this;
  }

  setName(name: string): this {
    nodeOf<CardNode>(this).name = text(name);
    return this;
  }

  build(): Card {
    const node = structuredClone(nodeOf<CardNode>(this));
    if (node.header && node.header.title === '') fail(googleErrors.cardFieldMissing('CardHeader', 'a title'));
    if (node.sections.length === 0) fail(googleErrors.cardWithoutSections());
    for (const section of node.sections) {
      if (section.widgets.length === 0) fail(googleErrors.cardSectionWithoutWidgets());
      section.widgets.forEach(checkWidget);
    }
    let fixedFooter: CardTree['fixedFooter'] = null;
    if (node.fixedFooter) {
      const { primaryButton, secondaryButton } = node.fixedFooter;
      if (!primaryButton) fail(googleErrors.cardFieldMissing('FixedFooter', 'a primary button'));
      checkButton(primaryButton);
      if (secondaryButton) checkButton(secondaryButton);
      fixedFooter = { primaryButton, secondaryButton };
    }
    return new Card({ ...node, fixedFooter });
  }
}

export class Notification {
  constructor() {
    nodes.set(this, { text: '' });
  }

  setText(value: string): this {
    nodeOf<{ text: string }>(this).text = text(value);
    return this;
  }
}

export class Navigation {
  constructor() {
    nodes.set(this, [] satisfies NavigationStep[]);
  }

  pushCard(card: Card): this {
    nodeOf<NavigationStep[]>(this).push({ pushCard: copyOf<CardTree>(card, [Card], 'card') });
    return this;
  }

  updateCard(card: Card): this {
    nodeOf<NavigationStep[]>(this).push({ updateCard: copyOf<CardTree>(card, [Card], 'card') });
    return this;
  }

  popCard(): this {
    nodeOf<NavigationStep[]>(this).push({ popCard: true });
    return this;
  }

  popToRoot(): this {
    nodeOf<NavigationStep[]>(this).push({ popToRoot: true });
    return this;
  }

  popToNamedCard(cardName: string): this {
    nodeOf<NavigationStep[]>(this).push({ popToNamedCard: text(cardName) });
    return this;
  }
}

export class ActionResponse {
  constructor(tree: ActionResponseTree) {
    nodes.set(this, tree);
  }

  printJson(): string {
    return JSON.stringify(nodeOf<ActionResponseTree>(this), null, 2);
  }
}

export class ActionResponseBuilder {
  constructor() {
    nodes.set(this, { notification: null, navigation: null, openLink: null, stateChanged: false } satisfies ActionResponseTree);
  }

  setNotification(notification: Notification): this {
    nodeOf<ActionResponseTree>(this).notification = copyOf<{ text: string }>(notification, [Notification], 'notification');
    return this;
  }

  setNavigation(navigation: Navigation): this {
    nodeOf<ActionResponseTree>(this).navigation = copyOf<NavigationStep[]>(navigation, [Navigation], 'navigation');
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    nodeOf<ActionResponseTree>(this).openLink = copyOf<OpenLinkTree>(openLink, [OpenLink], 'openLink');
    return this;
  }

  setStateChanged(stateChanged: boolean): this {
    nodeOf<ActionResponseTree>(this).stateChanged = Boolean(stateChanged);
    return this;
  }

  build(): ActionResponse {
    const tree = structuredClone(nodeOf<ActionResponseTree>(this));
    if (tree.notification?.text === '') fail(googleErrors.cardFieldMissing('Notification', 'text'));
    if (tree.openLink?.url === '') fail(googleErrors.cardFieldMissing('OpenLink', 'a URL'));
    return new ActionResponse(tree);
  }
}

/** The built card as plain data, for tests, the sandbox UI and running its actions. */
export function cardTree(card: Card): CardTree {
  if (!(card instanceof Card)) throw new TypeError('cardTree takes a Card built by CardBuilder.build().');
  return structuredClone(nodeOf<CardTree>(card));
}

/** What an action's response asks the add-on to do, as plain data. */
export function actionResponseTree(response: ActionResponse): ActionResponseTree {
  if (!(response instanceof ActionResponse)) throw new TypeError('actionResponseTree takes an ActionResponse.');
  return structuredClone(nodeOf<ActionResponseTree>(response));
}

export function createCardService(_ctx: ExecutionContext) {
  return {
    TextButtonStyle,
    SelectionInputType,
    LoadIndicator,
    OpenAs,
    OnClose,
    ImageStyle,
    newCardBuilder: () => new CardBuilder(),
    newCardHeader: () => new CardHeader(),
    newCardSection: () => new CardSection(),
    newFixedFooter: () => new FixedFooter(),
    newTextParagraph: () => new TextParagraph(),
    newDecoratedText: () => new DecoratedText(),
    newTextButton: () => new TextButton(),
    newButtonSet: () => new ButtonSet(),
    newTextInput: () => new TextInput(),
    newSelectionInput: () => new SelectionInput(),
    newImage: () => new Image(),
    newDivider: () => new Divider(),
    newAction: () => new Action(),
    newOpenLink: () => new OpenLink(),
    newNotification: () => new Notification(),
    newNavigation: () => new Navigation(),
    newActionResponseBuilder: () => new ActionResponseBuilder(),
  };
}
