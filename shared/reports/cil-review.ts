import { monthOf } from '../time/period';
import {
  citizenCounts,
  completionSentences,
  countByKind,
  deliverableCounts,
  deliverablesDueIn,
  hoursFields,
  hoursIn,
  MEETING_ROW_FIELDS,
  meetingRow,
  meetingsIn,
  membership,
  namesOf,
  PROJECT_ROW_FIELDS,
  projectRow,
  projectsCompletedIn,
  projectsDuring,
  stepCount,
  stepsIn,
  storiesIn,
  STORY_ROW_FIELDS,
  storyCounts,
  storyRow,
  sum,
  VOLUNTEER_ROW_FIELDS,
  volunteerFacts,
  volunteerRow,
  type ReportRecords,
} from './report-facts';
import { defineReport, type ReportInput, type ReportKindName } from './report-kind';
import { nextPeriod, readReportPeriod } from './report-period';
import { countOf, fromRecordsOr, hoursText, leadToWrite, listText } from './report-text';

// The CIL manager's mid-year and annual reports: the same review of the CIL over six or twelve months
// (people, hours month by month, meetings and events, projects and partners, stories, citizens,
// reports to CfP, the inactivity policy), with the mid-year survey's findings in the mid-year one.

const REVIEW_FIELDS = [
  'totalHours', 'volunteersLogging', 'members', 'newMembers', 'warnings', 'offboardings', 'reintegrations', 'mentorCheckIns',
  'meetingsHeld', 'cfpCallCount', 'meetupCount', 'hackNightCount', 'eventCount', 'participants',
  'projectsActive', 'projectsCompleted', 'redeployments', 'partners',
  'storyCount', 'blogPosts', 'pressMentions', 'socialPosts',
  'citizensJoined', 'citizensConsenting',
  'deliverablesDue', 'deliverablesOnTime', 'deliverablesLate', 'deliverablesOutstanding',
  'highlights', 'challenges', 'goals',
] as const;

/** One row per month of the period: hours, who logged them, meetings held. */
function monthRows(records: ReportRecords, input: ReportInput): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  const first = readReportPeriod(monthOf(input.period.first), 'month');
  if (!first.ok) return rows;
  for (let month = first.period; month.first <= input.period.last; month = nextPeriod(month)) {
    const hours = hoursIn(records, month);
    rows.push({
      month: month.name,
      hours: hoursText(sum(hours.map((entry) => entry.hours))),
      volunteers: String(new Set(hours.map((entry) => entry.volunteerId)).size),
      meetings: String(meetingsIn(records, month, input.settings).length),
    });
  }
  return rows;
}

function review(kind: ReportKindName, title: string, period: 'half' | 'year', extraFields: readonly string[], extraValues: (input: ReportInput) => Record<string, string>) {
  return defineReport({
    kind,
    title,
    about: `The CIL manager's review of the ${period === 'half' ? 'six months' : 'year'}: people, hours, events, projects, stories and reports.`,
    periodKind: period,
    fields: [...REVIEW_FIELDS, ...extraFields],
    lists: { months: ['month', 'hours', 'volunteers', 'meetings'], volunteers: VOLUNTEER_ROW_FIELDS, projects: PROJECT_ROW_FIELDS, events: MEETING_ROW_FIELDS, stories: STORY_ROW_FIELDS },
    flags: [],
    values(input) {
      const { records, period: span, settings } = input;
      const names = namesOf(records);
      const hours = hoursIn(records, span);
      const held = meetingsIn(records, span, settings);
      const steps = stepsIn(records, span, settings);
      const projects = projectsDuring(records, span);
      const completed = projectsCompletedIn(records, span);
      const stories = storiesIn(records, span);
      const storyTotals = storyCounts(stories);
      const citizens = citizenCounts(records, span);
      const deliverables = deliverableCounts(deliverablesDueIn(records, span));
      const { members, joined } = membership(records, span);
      const events = held.filter((h) => h.meeting.kind === 'event');
      const gatherings = held.filter((h) => h.meeting.kind !== 'monthly CfP call' && h.meeting.kind !== 'check-in');
      const partners = [...new Set(projects.flatMap((project) => (project.partner === undefined ? [] : [project.partner])))];
      const highlights = [
        ...completionSentences(completed),
        ...(events.length > 0 ? [`Held ${countOf(events.length, 'event')} with ${countOf(sum(events.map((h) => h.participants)), 'participant')} in all.`] : []),
        ...(stories.length > 0 ? [`Published ${countOf(stories.length, 'story', 'stories')}, seen ${sum(stories.map((s) => s.views ?? 0))} times.`] : []),
      ];
      return {
        fields: {
          ...hoursFields(hours),
          members: String(members),
          newMembers: String(joined),
          warnings: String(stepCount(steps, 'warning')),
          offboardings: String(stepCount(steps, 'offboarding')),
          reintegrations: String(stepCount(steps, 'reintegration')),
          mentorCheckIns: String(stepCount(steps, 'mentor check-in')),
          meetingsHeld: String(held.length),
          cfpCallCount: String(countByKind(held, 'monthly CfP call')),
          meetupCount: String(countByKind(held, 'CIL meetup')),
          hackNightCount: String(countByKind(held, 'hack night')),
          eventCount: String(events.length),
          participants: String(sum(gatherings.map((h) => h.participants))),
          projectsActive: String(projects.length),
          projectsCompleted: String(completed.length),
          redeployments: String(sum(projects.map((project) => project.redeployments))),
          partners: partners.length === 0 ? 'none recorded' : listText(partners),
          storyCount: String(stories.length),
          blogPosts: String(storyTotals.blogPosts),
          pressMentions: String(storyTotals.pressMentions),
          socialPosts: String(storyTotals.socialPosts),
          citizensJoined: String(citizens.joined),
          citizensConsenting: String(citizens.consenting),
          deliverablesDue: String(deliverables.due),
          deliverablesOnTime: String(deliverables.onTime),
          deliverablesLate: String(deliverables.late),
          deliverablesOutstanding: String(deliverables.outstanding),
          highlights: fromRecordsOr(highlights, 'the highlights of the period'),
          challenges: leadToWrite('the challenges the CIL faced and how it met them'),
          goals: leadToWrite(`the CIL's goals for the ${period === 'half' ? 'next six months' : 'next year'}`),
          ...extraValues(input),
        },
        lists: {
          months: monthRows(records, input),
          volunteers: volunteerFacts(records, span, settings).map(volunteerRow),
          projects: projects.map((project) => projectRow(records, project, span, names)),
          events: events.map(meetingRow),
          stories: stories.map(storyRow),
        },
        flags: {},
      };
    },
  });
}

export const midYearReport = review('mid-year report', 'Mid-year report', 'half', ['surveyFindings'], () => ({
  surveyFindings: leadToWrite("what the mid-year survey of the CIL's members found"),
}));

export const annualReport = review('annual report', 'Annual report', 'year', [], () => ({}));

