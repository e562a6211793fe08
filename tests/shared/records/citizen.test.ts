import { describe, expect, it } from 'vitest';
import { citizenSchema } from '../../../shared/records/citizen';

const citizen = {
  id: 'C-1',
  name: 'Bilal Ahmed',
  contact: '+92 300 1234567',
  area: 'Gulberg',
  interests: ['clean water', 'transport'],
  consentGivenOn: '2026-10-01',
  consentText: 'I agree to be contacted by CIL Lahore about civic projects.',
};

const messages = (change: Record<string, unknown>) =>
  citizenSchema.safeParse({ ...citizen, ...change }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);

describe('citizen', () => {
  it('accepts a citizen who consented', () => {
    expect(citizenSchema.parse(citizen)).toEqual(citizen);
    expect(citizenSchema.safeParse({ ...citizen, consentWithdrawnOn: '2026-11-01' }).success).toBe(true);
  });

  it('refuses a row without consent', () => {
    expect(messages({ consentGivenOn: undefined })?.[0]).toMatch(/^consentGivenOn: /);
    expect(messages({ consentText: '' })).toEqual(['consentText: is blank']);
  });

  it('refuses a withdrawal before the consent', () => {
    expect(messages({ consentWithdrawnOn: '2026-09-01' })).toEqual(['consentWithdrawnOn: must not be before "Consent given on"']);
  });

  it('limits each interest', () => {
    expect(messages({ interests: ['x'.repeat(101)] })).toEqual(['interests.0: each interest must be at most 100 characters']);
  });
});
