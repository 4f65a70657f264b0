/** From `from` (YYYY-MM-DD) until the next step's `from`, the unit had `count` members. */
export type MemberCountStep = { from: string; count: number };

export const UNIT_MEMBER_COUNTS = 'unitMemberCounts';

/**
 * Collection `unitMemberCounts`: how many members a BRANCH (members of its groups included) or
 * a GROUP had over time, for each unit that ever had a member: one document per calendar year
 * from the year of its first change of count to that of its last (`${unitId}:${year}`, also for
 * years without a change), and one for every year after (`_id` the unit's id). A date reads one
 * document per unit, however long the history. Derived from the unit's memberships: each batch
 * applies the intervals it removes and adds to the stored documents (`unitMemberCounts.delta.ts`),
 * which gives the documents a recount of all of them makes (`unitMemberCounts.recount.ts`).
 */
export type UnitMemberCountDocument = {
  _id: string;
  unitId: string;
  /** The first day covered: 1 January of the year (of the year after the last change, for the unit's id). */
  from: string;
  /** The count before the first step: at the end of the year before. */
  count: number;
  /** The changes of count within the year, sorted by `from`; consecutive steps never have the same count. */
  steps: MemberCountStep[];
  /** The latest position among the memberships the document follows from: those starting or ending by the end of its year. */
  position: string;
};
