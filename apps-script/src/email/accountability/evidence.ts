import type { EvidenceRef, Reason } from '../../../../shared/accountability/types';
import { bullets, heading, type Block } from './letter';

// The evidence a policy email rests on, said plainly: each reason's sentence (the meetings missed
// without notice, the days since the last contact, the deliverables overdue, with their dates), then
// the rows behind it so a volunteer and their lead are looking at the same records.

const refLine = (ref: EvidenceRef) => `${ref.day === undefined ? '' : `${ref.day}: `}${ref.what} (${ref.tab} ${ref.id})`;

export function evidenceBlocks(reasons: readonly Reason[]): Block[] {
  const refs = reasons.flatMap((reason) => reason.evidence);
  return [
    heading('What the records show'),
    bullets(reasons.map((reason) => reason.summary)),
    ...(refs.length === 0 ? [] : [heading('The rows behind it'), bullets(refs.map(refLine))]),
  ];
}
