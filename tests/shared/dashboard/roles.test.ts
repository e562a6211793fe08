import { describe, expect, it } from 'vitest';
import { dashboardOf } from '../../../shared/dashboard';
import { citizen, dashboardInput, hours, project, story, volunteer, type DashboardWorld } from './world';

// TODAY is 2026-11-19, in 2026-Q4.

const roles = (world: DashboardWorld) => dashboardOf(dashboardInput(world)).roles;

describe('role metrics', () => {
  it('gives the organizer, manager and delivery lead the projects', () => {
    const projects = [
      project('V-1', { status: 'active', partner: 'Commuters Forum' }),
      project('V-1', { status: 'discovery', partner: 'commuters  forum' }),
      project('V-1', { status: 'active' }),
      project('V-1', { status: 'paused', partner: 'Water Board' }),
      project('V-1', { status: 'completed', partner: 'Residents Association', impactStory: '340 complaints filed.' }),
      project('V-1', { status: 'redeployed', redeployments: 2, impactStory: 'Now in Multan too.' }),
      project('V-1', { status: 'redeployed' }),
      project('V-1', { status: 'dropped', partner: 'Gone Partner', redeployments: 0 }),
    ];
    const result = roles({ projects });
    expect(result.organizer).toMatchObject({ activeProjectsWithPartners: 2, completedProjects: 3, impactStories: 2 });
    expect(result.manager.partners).toBe(3);
    expect(result.deliveryLead).toEqual({ activeProjects: 3, completedProjects: 3, redeployments: 3 });
  });

  it("gives the storyteller the quarter's stories and their reach", () => {
    const stories = [
      story('2026-10-02', { kind: 'blog post', views: 120 }),
      story('2026-11-10', { kind: 'press mention' }),
      story('2026-11-11', { kind: 'social media', views: 900, reactions: 45, shares: 12 }),
      story('2026-11-12', { kind: 'social media', reactions: 5 }),
      story('2026-09-30', { kind: 'blog post', views: 1000 }),
      story('2026-11-20', { kind: 'blog post', views: 1000 }),
    ];
    expect(roles({ stories }).storyteller).toEqual({ 'blog post': 1, 'press mention': 1, 'social media': 2, views: 1020, reactions: 50, shares: 12 });
  });

  it('gives the community organizer members and active citizens', () => {
    const citizens = [
      citizen('2026-03-01'),
      citizen('2026-10-15'),
      citizen('2026-10-16', { consentWithdrawnOn: '2026-11-01' }),
      citizen('2026-10-17', { consentWithdrawnOn: '2026-12-01' }),
      citizen('2026-11-25'),
    ];
    const volunteers = [volunteer('V-1'), volunteer('V-2', { joinedOn: '2026-10-02' }), volunteer('V-3', { joinedOn: '2026-09-30' })];
    expect(roles({ citizens, volunteers }).communityOrganizer).toMatchObject({ newMembers: 1, activeCitizens: 3, newCitizens: 2 });
  });

  it("gives every role its members' hours a week against their commitment", () => {
    const volunteers = [
      volunteer('V-1', { name: 'Ayesha', role: 'organizer' }),
      volunteer('V-2', { name: 'Bilal', role: 'member' }),
      volunteer('V-3', { name: 'Sana', role: 'member', weeklyCommitmentHours: 3 }),
      volunteer('V-4', { name: 'Omar', role: 'member', status: 'on leave' }),
    ];
    const entries = [hours('V-1', '2026-11-09', 4), hours('V-2', '2026-11-09', 14), hours('V-3', '2026-11-02', 7), hours('V-4', '2026-11-09', 7)];
    const result = roles({ volunteers, hours: entries, settings: { dashboardWeeks: 3 } }).hours;
    expect(result.find((r) => r.role === 'organizer')).toEqual({ role: 'organizer', volunteers: 1, names: ['Ayesha'], commitment: 4, hoursPerWeek: 2 });
    expect(result.find((r) => r.role === 'member')).toEqual({ role: 'member', volunteers: 2, names: ['Bilal', 'Sana'], commitment: 8, hoursPerWeek: 10.5 });
    expect(result.find((r) => r.role === 'storyteller')).toEqual({ role: 'storyteller', volunteers: 0, names: [], commitment: 0, hoursPerWeek: 0 });
    expect(result.map((r) => r.role)).toEqual(['organizer', 'manager', 'delivery lead', 'community organizer', 'storyteller', 'member']);
  });
});
