import { flagWindow, type PartyDayOutcome } from '../../domain/meetings/attendanceFlags';
import type { ReadStore } from '../../readstore/readStore';
import {
  MEMBERSHIPS,
  PARTY_DAY_YEARS,
  activeOn,
  partyDayYearId,
  partyDaysIn,
  yearsOf,
  type MembershipDocument,
  type PartyDayYearDocument,
} from '../../../projections';
import type { ReadModelCatchUp } from '../commands/readModelCatchUp';

/** What a member's attendance flag is decided on: their branch and theme party days on a date. */
export interface AttendanceStanding {
  /** Null when they are not an active member on the date. */
  branchId: string | null;
  /** Every theme party day they were listed at in the twelve months up to the date. */
  partyDays: PartyDayOutcome[];
}

/**
 * A member's standing for the attendance flag, read from the memberships and `partyDayYears`
 * read models once they include everything recorded: a flag follows from many aggregates.
 */
export class AttendanceFlagReadFacts {
  constructor(
    private readonly readStore: ReadStore,
    private readonly readModels: ReadModelCatchUp,
  ) {}

  async standingOn(memberId: string, date: string): Promise<AttendanceStanding> {
    await this.readModels.upToDate();
    const membership = await this.readStore
      .collection<MembershipDocument>(MEMBERSHIPS)
      .findOne({ memberId, ...activeOn(date) }, { projection: { branchId: 1 } });
    const { after, upTo } = flagWindow(date);
    const years = await this.readStore
      .collection<PartyDayYearDocument>(PARTY_DAY_YEARS)
      .find({ _id: { $in: yearsOf(after, upTo).map((year) => partyDayYearId(memberId, year)) } }, { projection: { presentOn: 1, excusedOn: 1, absentOn: 1 } });
    return {
      branchId: membership?.branchId ?? null,
      partyDays: partyDaysIn(years).filter((day) => day.heldOn > after && day.heldOn <= upTo),
    };
  }
}
