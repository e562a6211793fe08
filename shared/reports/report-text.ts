import { MONTH_NAMES, partsOf, type CalendarDay } from '../time/calendar-day';

// How a report writes numbers, days and lists: values in a report are text, read by CfP, not a sheet.

/** Hours to two decimals at most, without trailing zeros: 12.5, 4, 0.25. */
export function hoursText(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

/** '27 Nov 2026'. */
export function dayText(day: CalendarDay): string {
  const { year, month, day: date } = partsOf(day);
  return `${date} ${MONTH_NAMES[month - 1]!.slice(0, 3)} ${year}`;
}

/** 'a', 'a and b', 'a, b and c'. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** '1 event', '3 events'. */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** Opens every passage CIL Hub cannot write from the records: a lead finds them all by searching for it. */
export const LEAD_TO_WRITE = '[Lead to write:';

/** A clearly marked gap for the lead, saying what belongs there. */
export function leadToWrite(prompt: string): string {
  return `${LEAD_TO_WRITE} ${prompt}]`;
}

/** Sentences from the records when there are any, otherwise the marked gap. */
export function fromRecordsOr(sentences: readonly string[], prompt: string): string {
  return sentences.length > 0 ? sentences.join(' ') : leadToWrite(prompt);
}
