import { okResponse, type ApiResponse, type EnrollResult } from '../../../shared/api/protocol';
import { weeklyCommitmentOf } from '../../../shared/records/expectations';
import type { Caller } from './authenticate';

/** The enrollment code checked out: who the volunteer is, and the CIL settings the extension works with. */
export function enroll({ cil, volunteer }: Caller): ApiResponse<EnrollResult> {
  return okResponse({
    volunteer: {
      id: volunteer.id,
      name: volunteer.name,
      role: volunteer.role,
      weeklyCommitmentHours: weeklyCommitmentOf(volunteer, cil.settings),
    },
    cil: {
      id: cil.registered.id,
      name: cil.settings.cilName,
      timeZone: cil.settings.timeZone,
      minimumMinutesPresent: cil.settings.minimumMinutesPresent,
    },
  });
}
