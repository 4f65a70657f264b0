import { APPRAISALS, EVENT_INDEX, GROUP_SCORES, type AppraisalDocument, type EventIndexDocument, type GroupScoreDocument } from '../../../projections';
import type { AppraisalEvent } from '../../../src/domain/assessments/appraisal.events';
import type { GroupScoreEvent } from '../../../src/domain/assessments/groupScore.events';
import { GroupScoreQueries } from '../../../src/app/assessments/groupScoreQueries';
import { UnitQueries } from '../../../src/app/units/unitQueries';
import { registered } from '../support/eventLog';
import { freshStore, project } from '../support/projectionHarness';
import { logWithTree } from '../support/tree';

const points = { memberEducation: 150, memberManagement: 125, memberDevelopment: 80, servingTheCentre: 275, contactWithPublic: 120, distinctiveWork: 100 };
const scored = (scoreId: string, groupId: string, total: number, supersedes: string | null = null, branchId = 'B1'): GroupScoreEvent => ({
  type: 'GroupScored',
  data: { scoreId, groupId, quarter: '2024-Q1', scores: points, total, supersedes, branchId },
});
const appraised = (appraisalId: string, grade: 'QUALIFIED' | 'EXCELLENT', supersedes: string | null = null): AppraisalEvent => ({
  type: 'MemberAppraised',
  data: { appraisalId, memberId: 'm1', year: 2023, grade, supersedes, branchId: 'B1' },
});

describe('group scores and appraisals', () => {
  it('a re-score stays beside the score it supersedes, which is marked; the same whatever the batch size', async () => {
    const log = logWithTree();
    log.record('2024-04-02', scored('s1', 'G1', 850));
    const rescore = log.record('2024-04-10', scored('s2', 'G1', 900, 's1'));
    for (const batchSize of [1, 2, log.events.length]) {
      const store = await freshStore();
      await project(store, log.events, batchSize);
      await project(store, log.events);
      const scores = store.collection<GroupScoreDocument>(GROUP_SCORES);
      expect(await scores.findOne({ _id: 's1' })).toMatchObject({
        total: 850,
        scoredOn: '2024-04-02',
        supersededBy: 's2',
        supersededOn: '2024-04-10',
        position: rescore.position,
      });
      expect(await scores.findOne({ _id: 's2' })).toMatchObject({ total: 900, supersedes: 's1', supersededBy: null, version: 1 });
      expect(rescore.stream).toBe('groupscore-G1');
    }
  });

  it('ranks the groups under a unit by their standing total, as recorded by the asOf date', async () => {
    const log = logWithTree();
    log.record('2024-04-02', scored('s1', 'G1', 850));
    log.record('2024-04-02', scored('b1', 'G1b', 870));
    log.record('2024-04-02', scored('x2', 'G2', 990, null, 'B2'));
    log.record('2024-04-10', scored('s2', 'G1', 920, 's1'));
    const store = await freshStore();
    await project(store, log.events);
    const queries = new GroupScoreQueries(store, new UnitQueries(store));
    const ranking = async (asOf: string) =>
      (await queries.ranking('C1', '2024-Q1', asOf)).map((entry) => [
        entry.group.unitId,
        entry.score._id,
        entry.rank,
        entry.redFlagCandidate,
        entry.superseded.map((s) => s._id),
      ]);
    expect(await ranking('2024-04-05')).toEqual([
      ['G1b', 'b1', 1, true, []],
      ['G1', 's1', 2, false, []],
    ]);
    expect(await ranking('2024-06-30')).toEqual([
      ['G1', 's2', 1, true, ['s1']],
      ['G1b', 'b1', 2, false, []],
    ]);
    // A group asked for itself.
    expect((await queries.ranking('G2', '2024-Q1', '2024-06-30')).map((entry) => entry.score._id)).toEqual(['x2']);
  });

  it('indexes a score under its group and branch, an appraisal under the member and their place', async () => {
    const log = logWithTree();
    log.record('2020-01-01', registered('m1', 'B1', 'G1', 'FULL'));
    const score = log.record('2024-04-02', scored('s1', 'G1', 850));
    log.record('2024-01-10', appraised('p1', 'QUALIFIED'));
    const second = log.record('2024-01-20', appraised('p2', 'EXCELLENT', 'p1'));
    const store = await freshStore();
    await project(store, log.events);
    const index = store.collection<EventIndexDocument>(EVENT_INDEX);
    const scoreEntry = await index.findOne({ _id: score.position });
    expect(scoreEntry).toMatchObject({ category: 'groupscore', memberIds: [] });
    expect(scoreEntry!.unitIds).toEqual(expect.arrayContaining(['G1', 'B1', 'C1', 'D1']));
    const appraisalEntry = await index.findOne({ _id: second.position });
    expect(appraisalEntry).toMatchObject({ category: 'appraisal', memberIds: ['m1'] });
    expect(appraisalEntry!.subjectUnitIds.sort()).toEqual(['B1', 'G1']);
    const appraisals = store.collection<AppraisalDocument>(APPRAISALS);
    expect(await appraisals.findOne({ _id: 'p1' })).toMatchObject({ grade: 'QUALIFIED', supersededBy: 'p2', supersededOn: '2024-01-20' });
    expect(await appraisals.findOne({ _id: 'p2' })).toMatchObject({ grade: 'EXCELLENT', supersedes: 'p1', supersededBy: null });
  });
});
