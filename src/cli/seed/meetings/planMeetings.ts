import type { MeetingKind } from '../../../domain/meetings/meetingKind';
import { daysInMonth, type LocalDate } from '../../../domain/shared/localDate';
import type { MemberPlaces } from '../members/memberPlaces';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** Months of organizational life recorded, up to the end of the history: a year of flags and a quarter more. */
export const MEETING_MONTHS = 15;
/** One committee in this many keeps its organizational life in orgtrack (the routine's pilot); the rest do not yet. */
export const PILOT_EVERY = 4;
/** Share of due meetings a branch or group fails to hold, so that compliance shows gaps. */
const SKIP_CHANCE = 0.04;
/** Share of members who keep missing theme party days without excuse (some of them get flagged). */
const OFTEN_ABSENT_SHARE = 0.03;
const BRANCH_COMMITTEE_SIZE = 5;

interface Listed {
  member: MemberKey;
}

/**
 * Organizational life (DOMAIN.md "Meetings") in the pilot committees' branches over the last
 * MEETING_MONTHS months: monthly theme party day (on the branch's fixed day), committee meeting and
 * group meetings, quarterly general assembly and lecture, the organizational life meeting each
 * January. Most members attend, a few are excused, and a few members keep missing theme party
 * days. One event per meeting, with its attendance inside.
 */
export function planMeetings(random: Random, organization: Organization, places: MemberPlaces, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const pilots = new Set(organization.committees.filter((_, index) => index % PILOT_EVERY === 0).map((committee) => committee.key));
  const branches = organization.branches.filter((branch) => pilots.has(branch.committee));
  if (branches.length === 0) return [];
  const fixedDay = new Map(branches.map((branch) => [branch.key, random.int(3, 15)]));
  const oftenAbsent = (member: MemberKey): boolean => hashShare(member) < OFTEN_ABSENT_SHARE;
  const commands: PlannedCommand[] = [];
  let next = 0;
  // Members listed at a meeting are the unit's party members on the very day it is held.
  const listedIn = (unit: UnitKey, on: LocalDate, level: 'branch' | 'group'): Listed[] => places.partyMembersIn([unit], on, level);

  const meeting = (on: LocalDate, unit: UnitKey, kind: MeetingKind, members: readonly Listed[], topic: string): void => {
    if (on < start || on > end || members.length === 0 || random.chance(SKIP_CHANCE)) return;
    const attendees: MemberKey[] = [];
    const excused: MemberKey[] = [];
    const absent: MemberKey[] = [];
    for (const { member } of members) {
      const missing = kind === 'THEME_PARTY_DAY' && oftenAbsent(member) ? 0.55 : 0.03;
      const roll = random.next();
      if (roll < missing) absent.push(member);
      else if (roll < missing + 0.08) excused.push(member);
      else attendees.push(member);
    }
    if (attendees.length === 0) attendees.push(...excused.splice(0, 1), ...(excused.length === 0 ? absent.splice(0, 1) : []));
    commands.push({
      kind: 'recordMeeting',
      on,
      meeting: `mt${next++}`,
      unit,
      meetingKind: kind,
      topic,
      attendees,
      excused,
      absent,
      reads: [...attendees, ...excused, ...absent],
    });
  };

  for (const month of monthsUpTo(end, MEETING_MONTHS)) {
    const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
    const day = (wanted: number): LocalDate => `${month}-${String(Math.min(wanted, daysInMonth(year, monthNumber))).padStart(2, '0')}`;
    for (const branch of branches) {
      const members = (on: LocalDate): Listed[] => listedIn(branch.key, on, 'branch');
      const committeeOn = day(2);
      meeting(committeeOn, branch.key, 'BRANCH_COMMITTEE', members(committeeOn).slice(0, BRANCH_COMMITTEE_SIZE), '研究部署本月支部工作');
      const partyDay = day(fixedDay.get(branch.key)!);
      meeting(partyDay, branch.key, 'THEME_PARTY_DAY', members(partyDay), '主题党日：集中学习与志愿服务');
      const groupsOn = day(20);
      for (const group of branch.groups) meeting(groupsOn, group.key, 'GROUP_MEETING', listedIn(group.key, groupsOn, 'group'), '党小组学习交流');
      if (monthNumber % 3 === 2) meeting(day(18), branch.key, 'GENERAL_ASSEMBLY', members(day(18)), '支部党员大会：通报工作、讨论发展党员');
      if (monthNumber % 3 === 0) meeting(day(25), branch.key, 'PARTY_LECTURE', members(day(25)), '书记讲党课');
      if (monthNumber === 1) meeting(day(22), branch.key, 'ORGANIZATIONAL_LIFE', members(day(22)), '年度组织生活会暨民主评议党员');
    }
  }
  return commands;
}

/** The last `count` months up to the month of `end` (YYYY-MM), oldest first. */
function monthsUpTo(end: LocalDate, count: number): string[] {
  const months: string[] = [];
  let year = Number(end.slice(0, 4));
  let month = Number(end.slice(5, 7));
  for (let i = 0; i < count; i++) {
    months.unshift(`${year}-${String(month).padStart(2, '0')}`);
    month -= 1;
    if (month === 0) {
      month = 12;
      year -= 1;
    }
  }
  return months;
}

/** A stable share in [0, 1) from a key, so a member keeps their habits month after month. */
function hashShare(key: string): number {
  let hash = 2166136261;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619);
  return (hash >>> 0) / 4294967296;
}
