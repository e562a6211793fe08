import type { Citizen } from '../records/citizen';
import type { Project } from '../records/project';
import { STORY_KINDS, type Story } from '../records/story';
import { headerKey } from '../records/tab';
import { VOLUNTEER_ROLES } from '../records/volunteer';
import type { DeliverableTally } from './reports';
import type { RoleHours, RoleMetrics, WeeklyHoursTable } from './types';
import { inSpan, round2, type Windows } from './windows';

export interface StoryTally {
  current: RoleMetrics['storyteller'];
  /** Stories of every kind published in the quarter reviewed, and in the one before. */
  total: { current: number; previous: number };
}

/** The Stories tab in one pass: what was published in the quarter (up to today), with its reach. */
export function tallyStories(stories: readonly Story[], windows: Windows): StoryTally {
  const current = { ...Object.fromEntries(STORY_KINDS.map((kind) => [kind, 0])), views: 0, reactions: 0, shares: 0 } as RoleMetrics['storyteller'];
  const total = { current: 0, previous: 0 };
  for (const story of stories) {
    if (story.publishedOn > windows.today) continue;
    if (inSpan(windows.quarter, story.publishedOn)) {
      current[story.kind]++;
      current.views += story.views ?? 0;
      current.reactions += story.reactions ?? 0;
      current.shares += story.shares ?? 0;
      total.current++;
    } else if (inSpan(windows.previous, story.publishedOn)) total.previous++;
  }
  return { current, total };
}

/** The Citizens tab in one pass: people whose consent stands today, and those who gave it this quarter. */
export function tallyCitizens(citizens: readonly Citizen[], windows: Windows): { active: number; new: number } {
  const tally = { active: 0, new: 0 };
  for (const citizen of citizens) {
    if (citizen.consentGivenOn > windows.today) continue;
    if (citizen.consentWithdrawnOn !== undefined && citizen.consentWithdrawnOn <= windows.today) continue;
    tally.active++;
    if (inSpan(windows.quarter, citizen.consentGivenOn)) tally.new++;
  }
  return tally;
}

export interface ProjectTally {
  /** In discovery or active. */
  active: number;
  activeWithPartners: number;
  /** Completed, or completed and redeployed. */
  completed: number;
  /** Projects with an impact story written. */
  impactStories: number;
  /** The Redeployments column added up; a project whose status is 'redeployed' counts at least once. */
  redeployments: number;
  /** Distinct partners (ignoring case and spacing) of projects not dropped. */
  partners: number;
}

/** The Projects tab in one pass. */
export function tallyProjects(projects: readonly Project[]): ProjectTally {
  const tally: ProjectTally = { active: 0, activeWithPartners: 0, completed: 0, impactStories: 0, redeployments: 0, partners: 0 };
  const partners = new Set<string>();
  for (const project of projects) {
    const active = project.status === 'discovery' || project.status === 'active';
    if (active) tally.active++;
    if (active && project.partner !== undefined) tally.activeWithPartners++;
    if (project.status === 'completed' || project.status === 'redeployed') tally.completed++;
    if (project.impactStory !== undefined) tally.impactStories++;
    tally.redeployments += project.status === 'redeployed' ? Math.max(1, project.redeployments) : project.redeployments;
    if (project.partner !== undefined && project.status !== 'dropped') partners.add(headerKey(project.partner));
  }
  tally.partners = partners.size;
  return tally;
}

/** Every role's hours a week against its commitment: the members holding it (on leave left out). */
function roleHoursOf(table: WeeklyHoursTable): RoleHours[] {
  return VOLUNTEER_ROLES.map((role) => {
    const rows = table.rows.filter((row) => row.role === role && row.rosterStatus !== 'on leave');
    return {
      role,
      volunteers: rows.length,
      names: rows.map((row) => row.name),
      commitment: round2(rows.reduce((sum, row) => sum + row.commitment, 0)),
      hoursPerWeek: round2(rows.reduce((sum, row) => sum + row.average, 0)),
    };
  });
}

export interface RoleFigures {
  projects: ProjectTally;
  stories: StoryTally;
  citizens: { active: number; new: number };
  deliverables: DeliverableTally;
  table: WeeklyHoursTable;
  hoursThisQuarter: number;
  newMembers: number;
  activeMembers: number;
}

/** DESIGN.md "Role metrics the dashboards must show", from the tallies. */
export function roleMetricsOf(figures: RoleFigures): RoleMetrics {
  const { projects } = figures;
  return {
    organizer: {
      activeProjectsWithPartners: projects.activeWithPartners,
      completedProjects: projects.completed,
      impactStories: projects.impactStories,
      hoursThisQuarter: figures.hoursThisQuarter,
    },
    manager: { partners: projects.partners, ...figures.deliverables.manager },
    deliveryLead: { activeProjects: projects.active, completedProjects: projects.completed, redeployments: projects.redeployments },
    communityOrganizer: {
      newMembers: figures.newMembers,
      activeMembers: figures.activeMembers,
      activeCitizens: figures.citizens.active,
      newCitizens: figures.citizens.new,
    },
    storyteller: figures.stories.current,
    hours: roleHoursOf(figures.table),
  };
}
