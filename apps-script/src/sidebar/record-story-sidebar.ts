import { STORY_KINDS } from '../../../shared/records/story';
import { dayOf } from '../../../shared/time/zone';
import { html } from '../html/escape';
import { field, formPage, options } from './form-sidebar';
import { showCilSidebar } from './cil-sidebar';

// The "Record story…" sidebar: the form of recordStory (a blog post, a press mention or a social media
// post, with its reach when known).

function recordStoryPage(cilName: string, today: string): string {
  return formPage({
    intro: html`Record a story about <strong>${cilName}</strong>: a blog post, a mention in the press, or a social media post with its figures.`,
    save: 'recordStory',
    submit: 'Record',
    fields: html`${field('Kind', html`<select name="kind">${options(STORY_KINDS.map((kind) => ({ value: kind, text: kind })))}</select>`)}
${field('Title', html`<input name="title" required maxlength="500" autocomplete="off">`)}
${field('Outlet', html`<input name="outlet" maxlength="200">`, 'the blog, paper or platform')}
${field('Link', html`<input name="link" type="url" maxlength="2000" placeholder="https://">`)}
${field('Published on', html`<input name="publishedOn" type="date" required value="${today}" max="${today}">`)}
${field('Views', html`<input name="views" type="number" min="0" step="1">`)}
${field('Reactions', html`<input name="reactions" type="number" min="0" step="1">`)}
${field('Shares', html`<input name="shares" type="number" min="0" step="1">`)}`,
  });
}

/** Entry point (menu "Record story…"). */
export function openRecordStorySidebar(): void {
  showCilSidebar('Record story', (cil) => recordStoryPage(cil.settings.cilName, dayOf(new Date(), cil.settings.timeZone)));
}
