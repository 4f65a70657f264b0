import type { OrgtrackApp } from '../../../app/orgtrackApp';
import { DomainError } from '../../../domain/shared/errors';
import type { Random } from '../random';

/** Kinds of record a clerk corrects now and then, how many of each, and why. */
const CORRECTIONS = [
  { type: 'DuesPaid', count: 3, reason: '录入错误：党费记到了别的党员名下' },
  { type: 'AwardGranted', count: 1, reason: '表彰决定已撤销登记：重复录入' },
  { type: 'MeetingRecorded', count: 1, reason: '会议记录重复录入' },
  { type: 'MemberGroupAssigned', count: 2, reason: '党小组调整录错了人' },
] as const;
const CANDIDATES = 200;
const actor = 'seed';

const ROUNDS = 3;

/**
 * A few retractions at the end of the seed, so the demo log shows corrections: recorded
 * payments, an award, a meeting and group assignments withdrawn as entered in error. A
 * candidate the rules refuse to retract (a later fact depends on it) is passed over for the
 * next. Each round's retractions run together, so the read models are rebuilt about once a round.
 */
export async function recordCorrections(app: OrgtrackApp, random: Random): Promise<number> {
  const queues = new Map<string, string[]>();
  for (const correction of CORRECTIONS) {
    const page = await app.eventQueries.page({ types: [correction.type] }, { first: CANDIDATES });
    queues.set(correction.type, random.shuffle(page.items.filter((event) => event.retractedBy === undefined).map((event) => event.eventId)));
  }
  const missing = new Map<string, number>(CORRECTIONS.map((correction) => [correction.type, correction.count]));
  let retracted = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const tries = CORRECTIONS.flatMap((correction) =>
      (queues.get(correction.type) ?? [])
        .splice(0, missing.get(correction.type) ?? 0)
        .map((eventId) => ({ type: correction.type, eventId, reason: correction.reason })),
    );
    if (tries.length === 0) break;
    const results = await Promise.allSettled(tries.map(({ eventId, reason }) => app.retractions.retract({ eventId, reason }, { actor })));
    results.forEach((result, at) => {
      if (result.status === 'rejected') {
        if (!(result.reason instanceof DomainError)) throw result.reason;
        return;
      }
      retracted++;
      const type = tries[at].type;
      missing.set(type, (missing.get(type) ?? 1) - 1);
    });
  }
  return retracted;
}
