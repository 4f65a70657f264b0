import { registerEnumType } from 'type-graphql';
import { enumOf } from '../shared/enumOf';
import { OBLIGATION_KINDS } from '../../app/obligations/obligation';

export const ObligationKindEnum = enumOf(OBLIGATION_KINDS);
registerEnumType(ObligationKindEnum, {
  name: 'ObligationKind',
  description: 'What falls due; obligations due on the same day are listed in this order.',
  valuesConfig: {
    TERM_ENDING: { description: "A unit's leadership term ends on dueOn (on or after asOf): a new election (换届选举) is due by then." },
    TERM_LAPSED: { description: "A unit's leadership term ended on dueOn, before asOf, and no new election has been held: the election is overdue." },
    PROBATION_ENDING: {
      description: "A probationary member's year of probation ends on dueOn (or ended, if before asOf, and they are still probationary): confirmation is due.",
    },
    MEETING_DUE: {
      description: 'A required meeting (三会一课, 主题党日, 组织生活会) has not been held yet in the month, quarter or year of asOf; dueOn is its last day.',
    },
    DUES_ARREARS: { description: 'A member owes dues for more than 3 months that are over; dueOn is the day the arrears went beyond 3 months.' },
  },
});
