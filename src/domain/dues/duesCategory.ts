/** The categories a member's dues base falls in (DOMAIN.md "Dues payment"). */
export const DUES_CATEGORIES = ['EMPLOYED', 'RETIRED', 'STUDENT', 'UNEMPLOYED', 'RURAL', 'OTHER'] as const;
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
