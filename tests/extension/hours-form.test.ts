import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkHoursForm, type HoursFields } from '../../extension/popup/hours-form';
import { installFakeChrome } from './fake-chrome';

// Every inline problem of the "Log hours" form is a translated message: with a locale whose messages
// are their own keys, no English from the shared schema (zod's words) may show through.

beforeEach(() => {
  installFakeChrome();
  const getMessage = (key: string, substitutions?: string | string[]) => `<${key}${substitutions === undefined ? '' : ` ${[substitutions].flat().join('|')}`}>`;
  vi.stubGlobal('chrome', { ...globalThis.chrome, i18n: { ...globalThis.chrome.i18n, getMessage } });
});
afterEach(() => vi.unstubAllGlobals());

const TODAY = '2026-11-27';
const fields = (change: Partial<HoursFields>): HoursFields => ({ day: TODAY, hours: '2', category: 'research', projectId: '', note: '', ...change });
const problemsOf = (change: Partial<HoursFields>) => {
  const check = checkHoursForm(fields(change), TODAY);
  return check.ok ? {} : check.problems;
};

describe('checkHoursForm problems, in the volunteer language', () => {
  it.each([
    ['no hours', { hours: '' }, { hours: '<hoursProblemNumber>' }],
    ['not a number', { hours: 'two' }, { hours: '<hoursProblemNumber>' }],
    ['zero hours', { hours: '0' }, { hours: '<hoursProblemTooFew>' }],
    ['more than a day', { hours: '25' }, { hours: '<hoursProblemTooMany 24>' }],
    ['no date', { day: '' }, { day: '<hoursProblemDay>' }],
    ['a project id with spaces', { projectId: 'my project' }, { projectId: '<hoursProblemProjectId>' }],
    ['a project id too long', { projectId: 'p'.repeat(65) }, { projectId: '<hoursProblemTooLong 64>' }],
    ['a note too long', { note: 'n'.repeat(2001) }, { note: '<hoursProblemTooLong 2000>' }],
  ])('%s', (_, change, problems) => {
    expect(problemsOf(change)).toEqual(problems);
  });

  it('lists the categories by their translated labels', () => {
    expect(problemsOf({ category: '' })).toEqual({
      category:
        '<hoursProblemCategory <categoryProjectWork>, <categoryMeetings>, <categoryEvents>, <categoryOutreach>, <categoryResearch>, <categoryWritingReporting>, <categoryMentoring>, <categoryLearning>, <categoryOther>>',
    });
  });
});
