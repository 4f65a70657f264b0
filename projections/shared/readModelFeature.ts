import type { OrgEventType } from '../../src/domain/events';
import type { Projection } from './projection';
import type { SubjectRules } from './subjectRule';

/** What a feature contributes to the read side: its projections, and the event index's rules for its event types. */
export interface ReadModelFeature {
  /** In the order a batch applies them. */
  readonly projections: readonly Projection[];
  readonly subjectRules: Partial<SubjectRules<OrgEventType>>;
}
