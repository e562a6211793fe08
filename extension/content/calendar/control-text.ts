import type { MessageKey } from '../../i18n';

// The Calendar control's labels in the browser's language: each is the message `calendar<Label>` in
// _locales (e.g. calendarLogAttendance), the brand is the extension's name. The content script reads
// them (chrome.i18n works in content scripts) and hands them to the control, which stays free of
// chrome.* and testable in happy-dom.

const LABELS = [
  'logAttendance',
  'cantAttend',
  'reason',
  'sendNotice',
  'cancel',
  'hours',
  'logHours',
  'saved',
  'notSaved',
  'badHours',
  'started',
] as const;

type Label = (typeof LABELS)[number];
export type EventControlText = Record<Label | 'brand', string>;

/**
 * The labels from `getMessage` (chrome.i18n.getMessage). Its key type turns a label whose message is
 * missing from the English messages.json into a compile error (Chrome would show '' instead).
 */
export function eventControlText(getMessage: (key: MessageKey) => string): EventControlText {
  const text = { brand: getMessage('extName') } as EventControlText;
  for (const label of LABELS) {
    text[label] = getMessage(`calendar${label[0]!.toUpperCase()}${label.slice(1)}` as `calendar${Capitalize<Label>}`);
  }
  return text;
}
