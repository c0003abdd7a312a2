/** The assignors by protocol name, for callers that let a person pick one (the dashboard does). */
import type { Assignment, AssignmentInput } from './assignment-input';
import { assignRange, explainRange } from './range-assignor';
import { assignRoundRobin, explainRoundRobin } from './roundrobin-assignor';
import { assignSticky, explainSticky } from './sticky/sticky-assignor';

export interface PureAssignor {
  /** The JoinGroup protocol name Java and librdkafka use. */
  name: AssignorName;
  assign(input: AssignmentInput): Assignment;
  explain(input: AssignmentInput): string;
}

export type AssignorName = 'range' | 'roundrobin' | 'sticky';

export const assignors: Readonly<Record<AssignorName, PureAssignor>> = {
  range: { name: 'range', assign: assignRange, explain: explainRange },
  roundrobin: { name: 'roundrobin', assign: assignRoundRobin, explain: explainRoundRobin },
  sticky: { name: 'sticky', assign: assignSticky, explain: explainSticky },
};
