import type { CilEvaluation } from '../accountability';
import type { Volunteer } from '../records/volunteer';
import type { AtRiskRow } from './types';

/**
 * The rules engine's standings, as the at-risk list shows them: members at risk or inactive today,
 * inactive first, then in roster order. Offboarded members and alumni are not at risk of anything,
 * and a member on leave is shown as active by the engine, so neither is listed.
 */
export function atRiskRowsOf(evaluation: CilEvaluation, roster: ReadonlyMap<string, Volunteer>): AtRiskRow[] {
  const rows: AtRiskRow[] = [];
  for (const assessment of evaluation.volunteers) {
    if (assessment.standing === 'active') continue;
    const volunteer = roster.get(assessment.volunteerId);
    if (!volunteer || assessment.rosterStatus === 'offboarded' || assessment.rosterStatus === 'alumni') continue;
    rows.push({
      volunteerId: assessment.volunteerId,
      name: assessment.name,
      role: volunteer.role,
      rosterStatus: assessment.rosterStatus,
      standing: assessment.standing,
      reasonCodes: assessment.reasons.map((reason) => reason.code),
      reasons: assessment.reasons.map((reason) => reason.summary),
      daysWithoutCommunication: assessment.daysWithoutCommunication,
      hoursThisWeek: assessment.hoursThisWeek,
      commitment: assessment.weeklyCommitment,
      warnings: assessment.warnings.counted,
      exemptions: assessment.exemptions.map((exemption) => exemption.kind),
    });
  }
  return rows.sort((a, b) => (a.standing === b.standing ? 0 : a.standing === 'inactive' ? -1 : 1));
}
