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

/** Keys the setter every builder shares; a symbol the script cannot name, so it is not one of its methods. */
const SET = Symbol('set');

/** A part holding a node of type T (kept in `nodes`). */
abstract class Part<T> {
  constructor(node: T) {
    nodes.set(this, node);
  }

  /** Sets one field of the node and returns the part, so builder calls chain. */
  protected [SET]<K extends keyof T>(field: K, value: T[K]): this {
    nodeOf<T>(this)[field] = value;
    return this;
  }
}

export class Action extends Part<ActionTree> {
  constructor() {
    super({ functionName: '', parameters: {}, loadIndicator: LoadIndicator.SPINNER });
  }

  setFunctionName(functionName: string): this {
    return this[SET]('functionName', text(functionName));
  }

  /** Keys and values must be strings (…/card-service/action#setparametersparameters). */
  setParameters(parameters: Record<string, unknown>): this {
    if (parameters === null || typeof parameters !== 'object') fail(googleErrors.invalidArgument('parameters'));
    for (const [key, value] of Object.entries(parameters)) {
      if (typeof value !== 'string') fail(googleErrors.cardActionParameterNotString(key));
    }
    return this[SET]('parameters', { ...(parameters as Record<string, string>) });
  }

  setLoadIndicator(loadIndicator: string): this {
    return this[SET]('loadIndicator', oneOf(LoadIndicator, loadIndicator, 'loadIndicator'));
  }
}

export class OpenLink extends Part<OpenLinkTree> {
  constructor() {
    super({ url: '', openAs: OpenAs.FULL_SIZE, onClose: OnClose.NOTHING });
  }

  setUrl(url: string): this {
    return this[SET]('url', text(url));
  }

  setOpenAs(openAs: string): this {
    return this[SET]('openAs', oneOf(OpenAs, openAs, 'openAs'));
  }

  setOnClose(onClose: string): this {
    return this[SET]('onClose', oneOf(OnClose, onClose, 'onClose'));
  }
}

/** A part that runs an action or opens a link when clicked (the last one set wins). */
abstract class ClickablePart<T extends { onClick: OnClickTree }> extends Part<T> {
  setOnClickAction(action: Action): this {
    nodeOf<{ onClick: OnClickTree }>(this).onClick = { action: copyOf<ActionTree>(action, [Action], 'action') };
    return this;
  }

  setOpenLink(openLink: OpenLink): this {
    nodeOf<{ onClick: OnClickTree }>(this).onClick = { openLink: copyOf<OpenLinkTree>(openLink, [OpenLink], 'openLink') };
    return this;
  }
}

export class TextButton extends ClickablePart<TextButtonTree> {
  constructor() {
    super({ type: 'textButton', text: '', style: TextButtonStyle.OUTLINED, disabled: false, onClick: null });
  }

  setText(value: string): this {
    return this[SET]('text', text(value));
  }

  setTextButtonStyle(style: string): this {
    return this[SET]('style', oneOf(TextButtonStyle, style, 'textButtonStyle'));
  }

  setDisabled(disabled: boolean): this {
    return this[SET]('disabled', Boolean(disabled));
  }
}

const copyOfButton = (button: unknown): TextButtonTree => copyOf<TextButtonTree>(button, [TextButton], 'button');

type ButtonSetTree = Extract<WidgetTree, { type: 'buttonSet' }>;

export class ButtonSet extends Part<ButtonSetTree> {
  constructor() {
    super({ type: 'buttonSet', buttons: [] });
  }

  addButton(button: TextButton): this {
    nodeOf<ButtonSetTree>(this).buttons.push(copyOfButton(button));
    return this;
  }
}

export class TextParagraph extends Part<Extract<WidgetTree, { type: 'textParagraph' }>> {
  constructor() {
    super({ type: 'textParagraph', text: '' });
  }

  setText(value: string): this {
    return this[SET]('text', text(value));
  }
}

export class DecoratedText extends ClickablePart<Extract<WidgetTree, { type: 'decoratedText' }>> {
  constructor() {
    super({ type: 'decoratedText', text: '', topLabel: null, bottomLabel: null, wrapText: false, button: null, onClick: null });
  }

  setText(value: string): this {
    return this[SET]('text', text(value));
  }

  setTopLabel(value: string): this {
    return this[SET]('topLabel', text(value));
  }

  setBottomLabel(value: string): this {
    return this[SET]('bottomLabel', text(value));
  }

  setWrapText(wrapText: boolean): this {
    return this[SET]('wrapText', Boolean(wrapText));
  }

  setButton(button: TextButton): this {
    return this[SET]('button', copyOfButton(button));
  }
}

export class TextInput extends Part<Extract<WidgetTree, { type: 'textInput' }>> {
  constructor() {
    super({ type: 'textInput', fieldName: '', title: null, hint: null, value: null, multiline: false });
  }

  setFieldName(fieldName: string): this {
    return this[SET]('fieldName', text(fieldName));
  }

  setTitle(title: string): this {
    return this[SET]('title', text(title));
  }

  setHint(hint: string): this {
    return this[SET]('hint', text(hint));
  }

  setValue(value: string): this {
    return this[SET]('value', text(value));
  }

  setMultiline(multiline: boolean): this {
    return this[SET]('multiline', Boolean(multiline));
  }
}

type SelectionInputTree = Extract<WidgetTree, { type: 'selectionInput' }>;

export class SelectionInput extends Part<SelectionInputTree> {
  constructor() {
    super({ type: 'selectionInput', selectionType: SelectionInputType.CHECK_BOX, fieldName: '', title: null, items: [], onChange: null });
  }

  setType(type: string): this {
    return this[SET]('selectionType', oneOf(SelectionInputType, type, 'type'));
  }

  setFieldName(fieldName: string): this {
    return this[SET]('fieldName', text(fieldName));
  }

  setTitle(title: string): this {
    return this[SET]('title', text(title));
  }

  /** Text and value may be any value; Google stores them as strings. */
  addItem(itemText: unknown, value: unknown, selected: boolean): this {
    nodeOf<SelectionInputTree>(this).items.push({ text: text(itemText), value: text(value), selected: Boolean(selected) });
    return this;
  }

  setOnChangeAction(action: Action): this {
    return this[SET]('onChange', copyOf<ActionTree>(action, [Action], 'action'));
  }
}

export class Image extends ClickablePart<Extract<WidgetTree, { type: 'image' }>> {
  constructor() {
    super({ type: 'image', imageUrl: '', altText: null, onClick: null });
  }

  setImageUrl(url: string): this {
    return this[SET]('imageUrl', text(url));
  }

  setAltText(altText: string): this {
    return this[SET]('altText', text(altText));
  }
}

export class Divider extends Part<Extract<WidgetTree, { type: 'divider' }>> {
  constructor() {
    super({ type: 'divider' });
  }
}

const WIDGETS = [TextParagraph, DecoratedText, ButtonSet, TextButton, TextInput, SelectionInput, Image, Divider];

export class CardHeader extends Part<CardHeaderTree> {
  constructor() {
    super({ title: '', subtitle: null, imageUrl: null, imageAltText: null, imageStyle: ImageStyle.SQUARE });
  }

  setTitle(title: string): this {
    return this[SET]('title', text(title));
  }

  setSubtitle(subtitle: string): this {
    return this[SET]('subtitle', text(subtitle));
  }

  setImageUrl(imageUrl: string): this {
    return this[SET]('imageUrl', text(imageUrl));
  }

  setImageAltText(imageAltText: string): this {
    return this[SET]('imageAltText', text(imageAltText));
  }

  setImageStyle(imageStyle: string): this {
    return this[SET]('imageStyle', oneOf(ImageStyle, imageStyle, 'imageStyle'));
  }
}

export class CardSection extends Part<CardSectionTree> {
  constructor() {
    super({ header: null, collapsible: false, numUncollapsibleWidgets: null, widgets: [] });
  }

  setHeader(header: string): this {
    return this[SET]('header', text(header));
  }

  addWidget(widget: object): this {
    nodeOf<CardSectionTree>(this).widgets.push(copyOf<WidgetTree>(widget, WIDGETS, 'widget'));
    return this;
  }

  setCollapsible(collapsible: boolean): this {
    return this[SET]('collapsible', Boolean(collapsible));
  }

  setNumUncollapsibleWidgets(count: number): this {
    if (!Number.isInteger(count) || count < 0) fail(googleErrors.invalidArgument('numUncollapsibleWidgets'));
    return this[SET]('numUncollapsibleWidgets', count);
  }
}

type FixedFooterNode = { primaryButton: TextButtonTree | null; secondaryButton: TextButtonTree | null };

export class FixedFooter extends Part<FixedFooterNode> {
  constructor() {
    super({ primaryButton: null, secondaryButton: null });
  }

  setPrimaryButton(button: TextButton): this {
    return this[SET]('primaryButton', copyOfButton(button));
  }

  setSecondaryButton(button: TextButton): this {
    return this[SET]('secondaryButton', copyOfButton(button));
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
      // "Setting the text content and one of the keys is required" (…/card-service/decorated-text);
      // the sandbox has no icons, so a label is the key.
      if (widget.topLabel === null && widget.bottomLabel === null) fail(googleErrors.cardFieldMissing('DecoratedText', 'a top or bottom label'));
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
export class Card extends Part<CardTree> {
  /** The card as JSON: the sandbox's own tree (`cardTree`), not Google's wire format. */
  printJson(): string {
    return JSON.stringify(nodeOf<CardTree>(this), null, 2);
  }
}

type CardNode = Omit<CardTree, 'fixedFooter'> & { fixedFooter: FixedFooterNode | null };

export class CardBuilder extends Part<CardNode> {
  constructor() {
    super({ type: 'card', name: null, header: null, sections: [], fixedFooter: null });
  }

  setHeader(header: CardHeader): this {
    return this[SET]('header', copyOf<CardHeaderTree>(header, [CardHeader], 'cardHeader'));
  }

  addSection(section: CardSection): this {
    nodeOf<CardNode>(this).sections.push(copyOf<CardSectionTree>(section, [CardSection], 'section'));
    return this;
  }

  setFixedFooter(fixedFooter: FixedFooter): this {
    return this[SET]('fixedFooter', copyOf<FixedFooterNode>(fixedFooter, [FixedFooter], 'fixedFooter'));
  }

  setName(name: string): this {
    return this[SET]('name', text(name));
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

export class Notification extends Part<{ text: string }> {
  constructor() {
    super({ text: '' });
  }

  setText(value: string): this {
    return this[SET]('text', text(value));
  }
}

export class Navigation extends Part<NavigationStep[]> {
  constructor() {
    super([]);
  }

  #push(step: NavigationStep): this {
    nodeOf<NavigationStep[]>(this).push(step);
    return this;
  }

  pushCard(card: Card): this {
    return this.#push({ pushCard: copyOf<CardTree>(card, [Card], 'card') });
  }

  updateCard(card: Card): this {
    return this.#push({ updateCard: copyOf<CardTree>(card, [Card], 'card') });
  }

  popCard(): this {
    return this.#push({ popCard: true });
  }

  popToRoot(): this {
    return this.#push({ popToRoot: true });
  }

  popToNamedCard(cardName: string): this {
    return this.#push({ popToNamedCard: text(cardName) });
  }
}

export class ActionResponse extends Part<ActionResponseTree> {
  printJson(): string {
    return JSON.stringify(nodeOf<ActionResponseTree>(this), null, 2);
  }
}

export class ActionResponseBuilder extends Part<ActionResponseTree> {
  constructor() {
    super({ notification: null, navigation: null, openLink: null, stateChanged: false });
  }

  setNotification(notification: Notification): this {
    return this[SET]('notification', copyOf<{ text: string }>(notification, [Notification], 'notification'));
  }

  setNavigation(navigation: Navigation): this {
    return this[SET]('navigation', copyOf<NavigationStep[]>(navigation, [Navigation], 'navigation'));
  }

  setOpenLink(openLink: OpenLink): this {
    return this[SET]('openLink', copyOf<OpenLinkTree>(openLink, [OpenLink], 'openLink'));
  }

  setStateChanged(stateChanged: boolean): this {
    return this[SET]('stateChanged', Boolean(stateChanged));
  }

  build(): ActionResponse {
    const tree = structuredClone(nodeOf<ActionResponseTree>(this));
    if (tree.notification?.text === '') fail(googleErrors.cardFieldMissing('Notification', 'text'));
    if (tree.openLink?.url === '') fail(googleErrors.cardFieldMissing('OpenLink', 'a URL'));
    return new ActionResponse(tree);
  }
}

/** What an Editor add-on action asks of the host: for now, the `drive.file` scope for the open document. */
export interface EditorFileScopeResponseTree {
  requestFileScopeForActiveDocument: boolean;
}

// developers.google.com/apps-script/reference/card-service/editor-file-scope-action-response-builder:
// an action's answer that makes the editor ask the person for the drive.file scope on the open document
// (the manifest must list that scope). Once granted, the host runs the manifest's
// onFileScopeGrantedTrigger with the document's id in the event object.
export class EditorFileScopeActionResponse extends Part<EditorFileScopeResponseTree> {
  printJson(): string {
    return JSON.stringify(nodeOf<EditorFileScopeResponseTree>(this), null, 2);
  }
}

export class EditorFileScopeActionResponseBuilder extends Part<EditorFileScopeResponseTree> {
  constructor() {
    super({ requestFileScopeForActiveDocument: false });
  }

  requestFileScopeForActiveDocument(): this {
    return this[SET]('requestFileScopeForActiveDocument', true);
  }

  /** A response that asks for nothing is refused: Google does not document one, so the sandbox is strict. */
  build(): EditorFileScopeActionResponse {
    const tree = structuredClone(nodeOf<EditorFileScopeResponseTree>(this));
    if (!tree.requestFileScopeForActiveDocument) fail(googleErrors.cardFieldMissing('EditorFileScopeActionResponse', 'a request (requestFileScopeForActiveDocument)'));
    return new EditorFileScopeActionResponse(tree);
  }
}

/** The built card as plain data, for tests, the sandbox UI and running its actions. */
export function cardTree(card: Card): CardTree {
  if (!(card instanceof Card)) throw new TypeError('cardTree takes a Card built by CardBuilder.build().');
  return structuredClone(nodeOf<CardTree>(card));
}

/** What an Editor file-scope response asks the host to do, as plain data. */
export function editorFileScopeResponseTree(response: EditorFileScopeActionResponse): EditorFileScopeResponseTree {
  if (!(response instanceof EditorFileScopeActionResponse)) throw new TypeError('editorFileScopeResponseTree takes an EditorFileScopeActionResponse.');
  return structuredClone(nodeOf<EditorFileScopeResponseTree>(response));
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
    newEditorFileScopeActionResponseBuilder: () => new EditorFileScopeActionResponseBuilder(),
  };
}
