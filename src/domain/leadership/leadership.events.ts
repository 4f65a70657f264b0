import { eventTypesOf } from '../aggregate';
import type { UnitLevel } from '../units/unitLevel';
import type { OfficerRole } from './officerRole';

export type ElectedOfficer = {
  memberId: string;
  role: OfficerRole;
  /** Votes the officer received; null when not reported. */
  votes: number | null;
};

/** Ballot totals of an election, when reported. */
export type BallotCount = { eligible: number | null; cast: number | null };

/**
 * Events of a unit's leadership, stream `leadership-<unitId>`: its elections, and officers who
 * leave office mid-term. An election ends every term of the unit's previous election on its date.
 */
export type ElectionHeld = {
  type: 'ElectionHeld';
  data: {
    electionId: string;
    unitId: string;
    unitLevel: UnitLevel;
    /** The day of the election: the event's effective date. */
    heldOn: string;
    termYears: number;
    /** The day the term runs out: `heldOn` plus `termYears`; a new election is due by then. */
    termEndsOn: string;
    officers: ElectedOfficer[];
    votes: BallotCount | null;
    /** The election whose terms this one ends; null for the unit's first. */
    previousElectionId: string | null;
  };
};

/** Carries the election and role again, so that the event says on its own which term ended. */
export type OfficerResigned = {
  type: 'OfficerResigned';
  data: { unitId: string; electionId: string; memberId: string; role: OfficerRole; reason: string | null };
};

export type OfficerRemoved = {
  type: 'OfficerRemoved';
  data: { unitId: string; electionId: string; memberId: string; role: OfficerRole; reason: string };
};

export type LeadershipEvent = ElectionHeld | OfficerResigned | OfficerRemoved;

export const leadershipStream = (unitId: string): string => `leadership-${unitId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const leadershipEventTypes = eventTypesOf<LeadershipEvent>({ ElectionHeld: true, OfficerResigned: true, OfficerRemoved: true });
