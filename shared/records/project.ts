import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/** 'redeployed': a completed app set up again for another partner or city (delivery lead metric). */
export const PROJECT_STATUSES = ['discovery', 'active', 'paused', 'completed', 'redeployed', 'dropped'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const projectSchema = z
  .object({
    id: column.id('Project ID'),
    name: column.text('Name', { max: 200 }),
    status: column.choice('Status', PROJECT_STATUSES),
    partner: column.text('Partner', { max: 500 }).optional(),
    leadVolunteerId: column.id('Lead volunteer ID').optional(),
    startedOn: column.date('Started on').optional(),
    completedOn: column.date('Completed on').optional(),
    impactStory: column.text('Impact story').optional(),
    redeployments: column.number('Redeployments', { min: 0, integer: true }).default(0),
    link: column.url('Link').optional(),
  })
  .refine(
    (project) =>
      project.startedOn === undefined || project.completedOn === undefined || project.completedOn >= project.startedOn,
    { path: ['completedOn'], error: 'must not be before "Started on"' },
  );
export type Project = z.output<typeof projectSchema>;

export const projectsTab = defineTab('Projects', projectSchema);
