// Every Google Calendar selector CIL Hub relies on, in one place (calendar-page.ts says how they are
// chosen). Separate constants rather than one object: the minifier shortens their names where they are
// used, and this ships in a content script with a size budget. Attribute values that are CSS
// identifiers go unquoted for the same reason.

/** The event popup (a "bubble" dialog) that Calendar reuses from one event to the next. */
export const POPUP = 'div[data-chips-dialog=true]';
/** Any dialog, which is a popup when it holds an event (Calendar's own layouts vary). */
export const DIALOG = '[role=dialog]';
/** The full details view of an existing event; `data-is-create="true"` is a new event (not ours). */
export const DETAILS = 'div[data-is-create=false]';
/** Fallback container of a details view found by its fields. */
export const DETAILS_MAIN = '[role=main]';
export const CREATING = '[data-is-create=true]';
/** The event's own element; chips (grid entries, the month view's "more" list) are other events. */
export const EVENT_ID = '[data-eventid]:not([data-eventchip])';
/** A heading; in the popup, the event's title (which shares the block of the date and time). */
export const HEADING = '[role=heading]';
/** The popup's title: the dialog's aria-labelledby target first, then headings. */
export const POPUP_TITLE = ['#rAECCd', `span${HEADING}`, HEADING];
export const DETAILS_TITLE = ['#xTiIn', 'input[data-initial-value]'];
/** The popup's date and time line, then the grid's chip for the same event. */
export const POPUP_WHEN = ['#xDetDlgWhen', '[id^=xDetDlgWhen]'];
export const CHIP = '[data-eventchip]';
/** The details view's date fields carry data-date="YYYYMMDD"; times are shown in the inputs. */
export const START_DATE = ['#xStDaIn', '[jsname=iKdrbf] [data-date]'];
export const END_DATE = ['#xEnDaIn', '[jsname=NNrqNc] [data-date]'];
export const START_TIME = ['#xStTiIn', '[jsname=B4GDSd] input'];
export const END_TIME = ['#xEnTiIn', '[jsname=XCHdmd] input'];
export const ALL_DAY = '#xAlDaCbx';
/** The Meet code, in order: links (the popup's conference block, then any), text that shows an
 * address (conference block, description), Calendar's logging attribute (it lists the conference id). */
export const MEET_LINK = ['#xDetDlgVideo a[href]', 'a[href*="meet.google.com/"]'];
export const MEET_TEXT = ['#xDetDlgVideo', '#xDetDlgDesc', '#xDescIn'];
export const JSLOG = '[jslog]';
/** Where the control goes in the details view: the "Event details" tab panel. */
export const DETAILS_PANEL = '[role=tabpanel]';
