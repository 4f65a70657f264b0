import type { ReadStore } from '../../readstore/readStore';
import { APPRAISALS, type AppraisalDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';

/** A member's standing appraisal for a year, with the appraisals it superseded (newest first). */
export interface StandingAppraisal {
  appraisal: AppraisalDocument;
  superseded: AppraisalDocument[];
}

/** Reads of the `appraisals` read model. */
export class AppraisalQueries {
  constructor(private readonly store: ReadStore) {}

  private get appraisals() {
    return this.store.collection<AppraisalDocument>(APPRAISALS);
  }

  async byIds(appraisalIds: readonly string[]): Promise<Map<string, AppraisalDocument>> {
    const found = await this.appraisals.find({ _id: { $in: [...appraisalIds] } });
    return new Map(found.map((appraisal) => [appraisal._id, appraisal]));
  }

  /** Each member's standing appraisal per year as recorded by `asOf`, oldest year first. */
  async ofMembers(memberIds: readonly string[], asOf: string): Promise<Map<string, StandingAppraisal[]>> {
    const found = await this.appraisals.find(
      { memberId: { $in: [...memberIds] }, appraisedOn: { $lte: asOf } },
      { sort: { year: 1, appraisedOn: 1, position: 1 } },
    );
    const result = new Map<string, StandingAppraisal[]>();
    for (const [memberId, docs] of groupBy(found, (appraisal) => appraisal.memberId)) {
      result.set(memberId, [...groupBy(docs, (appraisal) => String(appraisal.year)).values()].map(standing));
    }
    return result;
  }
}

/** Appraisals of one member and year in recorded order: the last one stands, the earlier were superseded. */
function standing(docs: readonly AppraisalDocument[]): StandingAppraisal {
  return { appraisal: docs[docs.length - 1], superseded: docs.slice(0, -1).reverse() };
}
