import type { ReadStore } from '../../readstore/readStore';
import { MEETINGS, type MeetingDocument } from '../../../projections';
import { groupBy } from '../queries/groupBy';

/** Reads of the `meetings` read model. */
export class MeetingQueries {
  constructor(private readonly store: ReadStore) {}

  private get meetings() {
    return this.store.collection<MeetingDocument>(MEETINGS);
  }

  async byIds(meetingIds: readonly string[]): Promise<Map<string, MeetingDocument>> {
    const found = await this.meetings.find({ _id: { $in: [...meetingIds] } });
    return new Map(found.map((meeting) => [meeting._id, meeting]));
  }

  /** Meetings each unit held from `from` to `upTo` (inclusive), oldest first. */
  async ofUnits(unitIds: readonly string[], from: string, upTo: string): Promise<Map<string, MeetingDocument[]>> {
    const found = await this.meetings.find({ unitId: { $in: [...unitIds] }, heldOn: { $gte: from, $lte: upTo } }, { sort: { heldOn: 1, _id: 1 } });
    return groupBy(found, (meeting) => meeting.unitId);
  }
}
