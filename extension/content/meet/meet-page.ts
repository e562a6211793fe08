import { isMeetCode } from '../../../shared/meet-code-shape';

// Every Google Meet selector and URL rule CIL Hub relies on, in one place. Meet changes its markup
// often, A/B-tests layouts and translates its labels, so:
// - each signal has several independent ways to be seen, and any one of them is enough;
// - nothing depends on the text of a label or an aria-label (which are translated). Icon-font ligature
//   names such as `call_end` are not translated: they name the glyph, whatever the page's language;
// - class names that look generated (`u6vdEc`) are last resorts, after data attributes.
// When Meet changes, this file and the fixtures in tests/fixtures/meet are what to update.

/** What the volunteer's tab shows, as far as attendance is concerned. */
export type MeetPageState =
  /** The "green room": camera preview and a join button; not in the call yet. */
  | 'pre-join'
  /** Past the green room but not in the call: asked to join and waiting to be let in. */
  | 'waiting'
  | 'in-call'
  /** The call ended or the volunteer left it; the address still carries the code. */
  | 'ended'
  /** Anything else: Meet's home page, a page still loading, a layout this module does not know. */
  | 'unknown';

export interface MeetPage {
  state: MeetPageState;
  /** The meeting code, lower-case (abc-defg-hij), when the page names one. */
  code?: string;
  title?: string;
}

// Elements whose text is an icon ligature: `.google-symbols` since mid-2024, `.google-material-icons`
// before, the other two in older or A/B layouts.
const ICON_FONTS = '.google-symbols,.google-material-icons,.material-icons-extended,.material-icons';

/**
 * The selectors, grouped by what they show. Exported for the tests and for whoever updates them; the
 * `icons` entries are ligature names looked for inside ICON_FONTS elements.
 */
export const MEET_SIGNALS = {
  /** The call is over for this tab: Meet's end screen. */
  ended: {
    css: [
      '[data-call-ended="true"]',
      // "Return to home screen" on the end screen, as a dialog action and as a button.
      '[data-mdc-dialog-action="returnToHomePage"]',
      'button[jsname="EszDse"]',
      // "Rejoin", shown only after leaving.
      'button[jsname="oI7Fj"]',
    ],
    icons: [] as string[],
  },
  /** Markers Meet puts on the call's own UI; one is enough to be in the call. */
  inCallMarker: {
    css: ['[data-in-call]:not([data-in-call="false"])', '[data-call-ended="false"]'],
    icons: [] as string[],
  },
  /** The red "leave call" button: past the green room (in the call, or in the lobby waiting). */
  leave: {
    css: ['[jsname="CQylAd"]'],
    icons: ['call_end'],
  },
  /**
   * Things only the call itself shows, not the lobby: other people's tiles, the in-call mute button,
   * and the captions, chat, people and raise-hand buttons (absent while waiting to be let in).
   */
  inCallEvidence: {
    css: ['[data-participant-id]', 'button[data-mute-button]'],
    icons: ['closed_caption', 'closed_caption_off', 'chat', 'chat_bubble', 'people', 'back_hand'],
  },
  /** The green room: its join button ("Join now", "Ask to join"), or its camera and microphone toggles. */
  preJoin: {
    css: ['[jsname="Qx7uuf"]', '[data-call-state="not_started"]'],
    icons: ['videocam', 'videocam_off', 'mic', 'mic_off', 'mic_none'],
  },
  /** Attributes that carry the meeting code, for pages whose address does not (e.g. /lookup/…). */
  code: ['data-meeting-code', 'data-unresolved-meeting-id'],
  /** Where the meeting's title is shown (attribute value first, then text). */
  title: { attribute: 'data-meeting-title', css: ['[data-meeting-title]', '.u6vdEc'] },
} as const;

interface Signal {
  readonly css: readonly string[];
  readonly icons: readonly string[];
}

function shows(root: ParentNode, signal: Signal, icons: ReadonlySet<string>): boolean {
  return signal.icons.some((name) => icons.has(name)) || signal.css.some((css) => root.querySelector(css) !== null);
}

/** The ligature names of every icon on the page. */
function iconNames(root: ParentNode): Set<string> {
  const names = new Set<string>();
  for (const icon of root.querySelectorAll(ICON_FONTS)) {
    const name = icon.textContent?.trim();
    if (name) names.add(name);
  }
  return names;
}

/**
 * The meeting code in a Meet address: meet.google.com/abc-defg-hij (any case, with or without a query),
 * or meet.google.com/_meet/abc-defg-hij (the installed app). Undefined for any other page or host.
 */
export function meetCodeFromUrl(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'meet.google.com') return undefined;
  const code = /^\/(?:_meet\/)?([a-z]{3}-[a-z]{4}-[a-z]{3})\/?$/i.exec(url.pathname)?.[1]?.toLowerCase();
  return code && isMeetCode(code) ? code : undefined;
}

function codeFromPage(root: ParentNode): string | undefined {
  for (const attribute of MEET_SIGNALS.code) {
    for (const element of root.querySelectorAll(`[${attribute}]`)) {
      const value = element.getAttribute(attribute)?.trim().toLowerCase();
      if (isMeetCode(value)) return value;
    }
  }
  return undefined;
}

function clean(text: string | null | undefined): string | undefined {
  const value = text?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** The meeting's title, unless all the page shows is the code itself. */
function titleOf(doc: Document, code: string | undefined): string | undefined {
  const candidates: (string | undefined)[] = [];
  const attributeHolder = doc.querySelector(`[${MEET_SIGNALS.title.attribute}]`);
  candidates.push(clean(attributeHolder?.getAttribute(MEET_SIGNALS.title.attribute)));
  for (const css of MEET_SIGNALS.title.css) candidates.push(clean(doc.querySelector(css)?.textContent));
  // The tab's title is "Meet – <title or code>"; "Meet" is the product's name, the same in every language.
  candidates.push(clean(doc.title.replace(/^\s*(?:Google\s+)?Meet\s*[-–—:|]\s*/i, '')));
  return candidates.find(
    (title) => title !== undefined && title.toLowerCase() !== code && !/^(?:Google\s+)?Meet$/i.test(title),
  );
}

/** Reads what a Meet page shows. `address` is the page's URL (location.href). */
export function readMeetPage(doc: Document, address: string): MeetPage {
  const icons = iconNames(doc);
  const code = meetCodeFromUrl(address) ?? codeFromPage(doc);
  let state = stateOf(doc, icons);
  // A green room always belongs to a meeting; camera icons on a page without a code are Meet's home page.
  if (state === 'pre-join' && !code) state = 'unknown';
  const page: MeetPage = { state };
  if (code) page.code = code;
  const title = titleOf(doc, code);
  if (title) page.title = title;
  return page;
}

function stateOf(doc: Document, icons: ReadonlySet<string>): MeetPageState {
  if (shows(doc, MEET_SIGNALS.ended, icons)) return 'ended';
  const marker = shows(doc, MEET_SIGNALS.inCallMarker, icons);
  if (marker || shows(doc, MEET_SIGNALS.leave, icons)) {
    return marker || shows(doc, MEET_SIGNALS.inCallEvidence, icons) ? 'in-call' : 'waiting';
  }
  return shows(doc, MEET_SIGNALS.preJoin, icons) ? 'pre-join' : 'unknown';
}
