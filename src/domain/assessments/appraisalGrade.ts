/** Grades of the yearly democratic appraisal of members (DOMAIN.md item 8, 民主评议党员). */
export const APPRAISAL_GRADES = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'] as const;
export type AppraisalGrade = (typeof APPRAISAL_GRADES)[number];
