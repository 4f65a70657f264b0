/** From `from` (YYYY-MM-DD) until the next step's `from`, the unit had `count` members. */
export type MemberCountStep = { from: string; count: number };

/**
 * Collection `unitMemberCounts`: how many members a BRANCH (members of its groups included) or
 * a GROUP had over time, one document per unit that ever had a member. Derived from the unit's
 * memberships, recomputed whole whenever one of them changes.
 */
export type UnitMemberCountDocument = {
  /** The unit's id. */
  _id: string;
  /** Sorted by `from`; consecutive steps never have the same count; before the first, 0. */
  steps: MemberCountStep[];
  /** The latest position among the memberships counted. */
  position: string;
};
