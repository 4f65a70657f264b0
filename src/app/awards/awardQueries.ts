import type { ReadStore } from '../../readstore/readStore';
import { AWARDS, type AwardDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';

/** Reads of the `awards` read model. */
export class AwardQueries {
  constructor(private readonly store: ReadStore) {}

  private get awards() {
    return this.store.collection<AwardDocument>(AWARDS);
  }

  async byIds(awardIds: readonly string[]): Promise<Map<string, AwardDocument>> {
    const found = await this.awards.find({ _id: { $in: [...awardIds] } });
    return new Map(found.map((award) => [award._id, award]));
  }

  /**
   * Awards of each recipient granted on or before `date`, oldest first: only those still in force
   * then (not revoked on or before it), or with `includeRevoked` every one granted by then.
   */
  async ofRecipients(recipientIds: readonly string[], date: string, includeRevoked: boolean): Promise<Map<string, AwardDocument[]>> {
    const found = await this.awards.find({ recipientId: { $in: [...recipientIds] }, grantedOn: { $lte: date } }, { sort: { grantedOn: 1, _id: 1 } });
    const listed = includeRevoked ? found : found.filter((award) => award.revokedOn === null || award.revokedOn > date);
    return groupBy(listed, (award) => award.recipientId);
  }
}
