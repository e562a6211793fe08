import { describe, expect, it } from 'vitest';
import { projectSchema } from '../../../shared/records/project';

const project = {
  id: 'P-1',
  name: 'Bus stop finder',
  status: 'completed',
  partner: 'Lahore Transport Company',
  leadVolunteerId: 'V-1',
  startedOn: '2026-01-10',
  completedOn: '2026-09-30',
  impactStory: '30,000 riders a month',
  redeployments: 2,
  link: 'https://github.com/codeforpakistan/bus-stops',
};

const messages = (change: Record<string, unknown>) =>
  projectSchema.safeParse({ ...project, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('project', () => {
  it('accepts a project, counting no redeployments by default', () => {
    expect(projectSchema.parse(project)).toEqual(project);
    expect(projectSchema.parse({ id: 'P-2', name: 'Survey', status: 'discovery' })).toEqual({
      id: 'P-2',
      name: 'Survey',
      status: 'discovery',
      redeployments: 0,
    });
  });

  it('refuses completion before the start, bad counts and links', () => {
    expect(messages({ completedOn: '2025-12-31' })).toEqual(['completedOn: must not be before "Started on"']);
    expect(messages({ redeployments: -1 })).toEqual(['redeployments: must be at least 0']);
    expect(messages({ link: 'github.com/x' })).toEqual(['link: must be a web address starting with https://']);
    expect(messages({ status: 'done' })?.[0]).toMatch(/^status: must be one of: discovery, active/);
  });
});
