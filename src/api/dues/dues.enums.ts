import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { DUES_CATEGORIES } from '../../domain/dues/duesCategory';

export const DuesCategoryEnum = enumOf(DUES_CATEGORIES);
registerEnumType(DuesCategoryEnum, {
  name: 'DuesCategory',
  description: "A member's dues category; with the monthly income it decides the monthly dues under the dues policy.",
  valuesConfig: {
    EMPLOYED: { description: 'In work: a share of income by bracket (default 0.5% up to 3,000, 1% to 5,000, 1.5% to 10,000, 2% above).' },
    RETIRED: { description: 'Retired: a share of pension by bracket (default 0.5% up to 5,000, 1% above).' },
    STUDENT: { description: 'Student: a small fixed amount (default 0.20).' },
    UNEMPLOYED: { description: 'Without work: a small fixed amount (default 0.20).' },
    RURAL: { description: 'Rural member: a small fixed amount (default 0.50).' },
    OTHER: { description: 'Any other member: a small fixed amount (default 1.00).' },
  },
});
