import { assertNever } from '../../../domain/shared/assertNever';
import type { LeaveReason, MemberStage } from '../../../domain/members/memberStatus';
import { addDays, addYears, type LocalDate } from '../../../domain/shared/localDate';
import type { BranchProfile } from '../units/committeeKinds';
import { dateBetween, yearOf } from '../planDates';
import type { Random } from '../random';

/** Who joins a branch of each profile, how often they move, and how they leave. */
export interface MemberProfile {
  /** Stages of the members on the books when the history starts. */
  initialStages: readonly (readonly [MemberStage, number])[];
  /** Stages of those registered later: new applicants, and members arriving from outside. */
  laterStages: readonly (readonly [MemberStage, number])[];
  /** Political birthdays of full members lie from this year (0: three years before registering)... */
  joinedFromYear: number;
  /** ...until a year before registering, or the end of this year when that is earlier. */
  joinedUntilYear: number | null;
  /** Age at which people of this profile apply or join. */
  joiningAge: readonly [number, number];
  transferChance: number;
  leaveChance: number;
  leaveReasons: readonly (readonly [LeaveReason, number])[];
}

export const MEMBER_PROFILES: Record<BranchProfile, MemberProfile> = {
  working: {
    initialStages: [
      ['FULL', 84],
      ['PROBATIONARY', 5],
      ['CANDIDATE', 3],
      ['ACTIVIST', 4],
      ['APPLICANT', 4],
    ],
    laterStages: [
      ['FULL', 45],
      ['APPLICANT', 40],
      ['ACTIVIST', 7],
      ['PROBATIONARY', 8],
    ],
    joinedFromYear: 1978,
    joinedUntilYear: null,
    joiningAge: [22, 35],
    transferChance: 0.15,
    leaveChance: 0.04,
    leaveReasons: [
      ['OTHER', 70],
      ['DIED', 15],
      ['WITHDREW', 15],
    ],
  },
  retiree: {
    initialStages: [['FULL', 1]],
    laterStages: [['FULL', 1]],
    joinedFromYear: 1960,
    joinedUntilYear: 1998,
    joiningAge: [20, 30],
    transferChance: 0.03,
    leaveChance: 0.15,
    leaveReasons: [
      ['DIED', 85],
      ['OTHER', 15],
    ],
  },
  student: {
    initialStages: [
      ['FULL', 15],
      ['PROBATIONARY', 15],
      ['CANDIDATE', 15],
      ['ACTIVIST', 25],
      ['APPLICANT', 30],
    ],
    laterStages: [
      ['APPLICANT', 60],
      ['ACTIVIST', 30],
      ['CANDIDATE', 10],
    ],
    joinedFromYear: 0,
    joinedUntilYear: null,
    joiningAge: [18, 21],
    transferChance: 0.25,
    leaveChance: 0.06,
    leaveReasons: [
      ['OTHER', 90],
      ['WITHDREW', 10],
    ],
  },
  village: {
    initialStages: [
      ['FULL', 88],
      ['PROBATIONARY', 4],
      ['CANDIDATE', 3],
      ['ACTIVIST', 3],
      ['APPLICANT', 2],
    ],
    laterStages: [
      ['FULL', 60],
      ['APPLICANT', 30],
      ['ACTIVIST', 10],
    ],
    joinedFromYear: 1965,
    joinedUntilYear: null,
    joiningAge: [22, 45],
    transferChance: 0.08,
    leaveChance: 0.05,
    leaveReasons: [
      ['DIED', 50],
      ['OTHER', 40],
      ['WITHDREW', 10],
    ],
  },
};

export interface Newcomer {
  status: MemberStage;
  /** Political birthday: set from PROBATIONARY on. */
  joinedOn: LocalDate | null;
  birthYear: number;
}

/** The stage, political birthday and age of someone registered in a branch of `profile` on `registeredOn`. */
export function newcomer(random: Random, profile: MemberProfile, registeredOn: LocalDate, initial: boolean): Newcomer {
  const status = random.weighted(initial ? profile.initialStages : profile.laterStages);
  const age = random.int(profile.joiningAge[0], profile.joiningAge[1]);
  const joinedOn = joinedOnFor(random, profile, status, registeredOn);
  return { status, joinedOn, birthYear: yearOf(joinedOn ?? registeredOn) - age };
}

function joinedOnFor(random: Random, profile: MemberProfile, status: MemberStage, registeredOn: LocalDate): LocalDate | null {
  switch (status) {
    case 'FULL': {
      // A full member has served a year of probation before being registered here.
      const yearBefore = addDays(addYears(registeredOn, -1), -1);
      const latest = profile.joinedUntilYear !== null && `${profile.joinedUntilYear}-12-31` < yearBefore ? `${profile.joinedUntilYear}-12-31` : yearBefore;
      const earliest = profile.joinedFromYear === 0 ? addYears(latest, -3) : `${profile.joinedFromYear}-01-01`;
      return dateBetween(random, earliest < latest ? earliest : latest, latest);
    }
    case 'PROBATIONARY':
      return dateBetween(random, addDays(registeredOn, -300), registeredOn);
    case 'APPLICANT':
    case 'ACTIVIST':
    case 'CANDIDATE':
      return null;
    default:
      return assertNever(status);
  }
}
