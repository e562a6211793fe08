import { z } from '../zod';
import { column } from './columns';
import { defineTab } from './tab';

/**
 * The local active-citizens database. No one is recorded without consent: the day it was given and the
 * words they agreed to are kept with the row, and a withdrawal is dated rather than the row deleted.
 */
export const citizenSchema = z
  .object({
    id: column.id('Citizen ID'),
    name: column.text('Name', { max: 200 }),
    /** Email or phone, as they gave it. */
    contact: column.text('Contact', { max: 200 }),
    area: column.text('Area', { max: 200 }).optional(),
    interests: column.list('Interests', z.string().max(100, { error: 'each interest must be at most 100 characters' })).optional(),
    consentGivenOn: column.date('Consent given on'),
    consentText: column.text('Consent text', { max: 5000 }),
    consentWithdrawnOn: column.date('Consent withdrawn on').optional(),
  })
  .refine(
    (citizen) => citizen.consentWithdrawnOn === undefined || citizen.consentWithdrawnOn >= citizen.consentGivenOn,
    { path: ['consentWithdrawnOn'], error: 'must not be before "Consent given on"' },
  );
export type Citizen = z.output<typeof citizenSchema>;

export const citizensTab = defineTab('Citizens', citizenSchema);
