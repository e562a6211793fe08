import { storiesTab, type Story } from '../../../shared/records/story';
import { headerKey } from '../../../shared/records/tab';
import { dayOf } from '../../../shared/time/zone';
import { rosterCil, withRosterLock } from '../roster/roster-cil';
import { appendOne, formFields, newRecordId, readForAppend, recordOf, refusal, type FormFields, type SavedRecord } from './form-record';

// "Record a story" (the sidebar's form, or a script): one row of the Stories tab, the storyteller's
// output: a blog post, a press mention or a social media post, with its reach when known.

const WHAT = 'record the story';
const KEYS = ['kind', 'title', 'outlet', 'link', 'publishedOn', 'views', 'reactions', 'shares'] as const;

/** Entry point (the "Record story…" sidebar's Save): appends the story with one write. */
export function recordStory(fields: FormFields, cilId?: string | null): SavedRecord<Story> {
  const given = formFields(WHAT, fields, KEYS);
  const cil = rosterCil(cilId);
  const timeZone = cil.settings.timeZone;
  return withRosterLock(() => {
    const stories = readForAppend(cil, storiesTab);
    const used = new Set(stories.rows.map((row) => row.record.id));
    const story = recordOf(WHAT, storiesTab, { ...given, id: newRecordId('s', used) }, timeZone);
    const today = dayOf(new Date(), timeZone);
    if (story.publishedOn > today) throw refusal(WHAT, [`"Published on" is ${story.publishedOn}, after today (${today}): record a story once it is out`]);
    const same = stories.rows.find((row) =>
      story.link !== undefined ? row.record.link === story.link : row.record.kind === story.kind && row.record.publishedOn === story.publishedOn && headerKey(row.record.title) === headerKey(story.title),
    );
    if (same) throw refusal(WHAT, [`"${same.record.title}" is already in the Stories tab (row ${same.rowNumber})`]);
    const rowNumber = appendOne(cil, storiesTab, stories, story);
    return { cilId: cil.registered.id, record: story, rowNumber, message: `Recorded the ${story.kind} "${story.title}" in row ${rowNumber} of Stories.` };
  });
}
