import type { AppraisalGrade } from '../../../domain/assessments/appraisalGrade';
import type { TypedScores } from '../../../domain/assessments/scoreCategories';
import type { LocalDate } from '../../../domain/shared/localDate';
import type { AppraisalKey, GroupScoreKey, MemberKey, UnitKey } from '../planKeys';
import type { SeedCommands } from '../seedCommand';

export type PlannedAssessmentCommand =
  | { kind: 'recordGroupScore'; on: LocalDate; score: GroupScoreKey; group: UnitKey; quarter: string; scores: TypedScores }
  | {
      kind: 'recordAppraisal';
      on: LocalDate;
      appraisal: AppraisalKey;
      /** Not `member`, which names a member's own command. */
      appraised: MemberKey;
      year: number;
      grade: AppraisalGrade;
      /** The member appraised: their earlier commands decide whether they were a party member that year. */
      reads: MemberKey[];
    };

export const assessmentSeedCommands: SeedCommands<PlannedAssessmentCommand> = {
  recordGroupScore: {
    aggregateKey: (command) => `groupscore:${command.group}`,
    unitsRead: (command) => [command.group],
    async run(app, command, ids, { mutation }) {
      const result = await app.groupScores.record({ groupId: ids.of(command.group), quarter: command.quarter, scores: command.scores }, mutation);
      ids.set(command.score, result.subjectId);
      return result;
    },
  },
  recordAppraisal: {
    aggregateKey: (command) => `appraisal:${command.appraised}`,
    aggregatesRead: (command) => command.reads,
    async run(app, command, ids, { mutation }) {
      const result = await app.appraisals.record({ memberId: ids.of(command.appraised), year: command.year, grade: command.grade }, mutation);
      ids.set(command.appraisal, result.subjectId);
      return result;
    },
  },
};
