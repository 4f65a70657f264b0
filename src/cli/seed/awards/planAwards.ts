import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import { citationFor, OTHER_UNIT_TITLE, revocationReason } from './awardTexts';
import type { PlanTimelines } from './awardTimelines';
import { dateBetween, minDate, yearOf } from '../planDates';
import type { Organization } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, PlannedCommand, UnitKey } from '../seedPlan';

/** Awards start once the organization has run for a while. */
const SETTLING_DAYS = 90;
/** Share of a committee's party members named 优秀共产党员 each year. */
const OUTSTANDING_MEMBER_SHARE = 0.03;
const PARTY_WORKERS_PER_COMMITTEE = 1;
const ADVANCED_BRANCH_SHARE = 0.05;
const FIVE_STAR_BRANCH_SHARE = 0.02;
/** Share of a committee's groups made 红旗党小组 each quarter. */
const RED_FLAG_GROUP_SHARE = 0.04;
const MEMBER_REVOCATION_CHANCE = 0.015;

type Grant = Extract<PlannedCommand, { kind: 'grantAward' }>;

/**
 * Recognition over the years (DOMAIN.md "Award"): around 七一 each committee names its 优秀共产党员
 * and 优秀党务工作者 and the district its 先进基层党组织; each quarter the committees choose their
 * 红旗党小组; at year end some branches are rated 五星级党支部 (an OTHER title). A few member
 * awards are revoked later. Every award is planned for a recipient active that day and granted
 * by a unit above it then.
 */
export function planAwards(random: Random, organization: Organization, timelines: PlanTimelines, start: LocalDate, end: LocalDate): PlannedCommand[] {
  const from = addDays(start, SETTLING_DAYS);
  if (from > end) return [];
  const commands: PlannedCommand[] = [];
  let next = 0;
  const grant = (fields: Omit<Grant, 'kind' | 'award' | 'citation'>): Grant => {
    const command: Grant = { kind: 'grantAward', award: `a${next++}`, citation: citationFor(random, fields.title), ...fields };
    commands.push(command);
    return command;
  };
  const inRange = (date: LocalDate): boolean => date >= from && date <= end;
  const ordinaryBranches = organization.branches.filter((branch) => branch.profile !== 'retiree');
  const memberGrants: Grant[] = [];

  for (let year = yearOf(start); year <= yearOf(end); year++) {
    const july = `${year}-06-28`;
    if (inRange(july)) {
      const partyMembers = partyMembersByCommittee(timelines, july);
      for (const committee of organization.committees) {
        const candidates = random.shuffle(partyMembers.get(committee.key) ?? []);
        const outstanding = candidates.length === 0 ? 0 : Math.max(1, Math.round(candidates.length * OUTSTANDING_MEMBER_SHARE));
        for (const { member, branch } of candidates.slice(0, outstanding)) {
          memberGrants.push(
            grant({
              on: july,
              recipient: member,
              recipientKind: 'MEMBER',
              title: 'OUTSTANDING_MEMBER',
              otherTitle: null,
              grantedBy: committee.key,
              reads: [member, branch],
            }),
          );
        }
        const workers = candidates
          .slice(outstanding)
          .filter((candidate) => candidate.status === 'FULL')
          .slice(0, PARTY_WORKERS_PER_COMMITTEE);
        for (const { member, branch } of workers) {
          memberGrants.push(
            grant({
              on: july,
              recipient: member,
              recipientKind: 'MEMBER',
              title: 'OUTSTANDING_PARTY_WORKER',
              otherTitle: null,
              grantedBy: committee.key,
              reads: [member, branch],
            }),
          );
        }
      }
      for (const branch of pickShare(random, ordinaryBranches, ADVANCED_BRANCH_SHARE)) {
        grant({
          on: july,
          recipient: branch.key,
          recipientKind: 'UNIT',
          title: 'ADVANCED_GRASSROOTS_ORGANIZATION',
          otherTitle: null,
          grantedBy: organization.district,
          reads: [branch.key],
        });
      }
    }
    for (const month of ['01', '04', '07', '10']) {
      const on = `${year}-${month}-10`;
      if (!inRange(on)) continue;
      for (const [committee, groups] of groupsByCommittee(organization, timelines, on)) {
        for (const { group, branch } of pickShare(random, groups, RED_FLAG_GROUP_SHARE)) {
          grant({ on, recipient: group, recipientKind: 'UNIT', title: 'RED_FLAG_GROUP', otherTitle: null, grantedBy: committee, reads: [group, branch] });
        }
      }
    }
    const december = `${year}-12-20`;
    if (inRange(december)) {
      for (const branch of pickShare(random, ordinaryBranches, FIVE_STAR_BRANCH_SHARE)) {
        const committee = timelines.committeeOn(branch.key, december);
        if (committee === undefined) continue;
        grant({
          on: december,
          recipient: branch.key,
          recipientKind: 'UNIT',
          title: 'OTHER',
          otherTitle: OTHER_UNIT_TITLE,
          grantedBy: committee,
          reads: [branch.key],
        });
      }
    }
  }
  commands.push(...planRevocations(random, memberGrants, end));
  return commands;
}

/** A few member awards revoked months later; at least one when any can be. */
function planRevocations(random: Random, grants: readonly Grant[], end: LocalDate): PlannedCommand[] {
  const revocable = grants.filter((grant) => addDays(grant.on, 60) <= end);
  const chosen = revocable.filter(() => random.chance(MEMBER_REVOCATION_CHANCE));
  if (chosen.length === 0 && revocable.length > 0) chosen.push(random.pick(revocable));
  return chosen.map((grant) => ({
    kind: 'revokeAward' as const,
    on: dateBetween(random, addDays(grant.on, 60), minDate(addDays(grant.on, 400), end)),
    award: grant.award,
    reason: revocationReason(random),
  }));
}

interface PartyMember {
  member: MemberKey;
  branch: UnitKey;
  status: 'PROBATIONARY' | 'FULL';
}

/** Probationary and full members on `date`, by the committee their branch sits under then. */
function partyMembersByCommittee(timelines: PlanTimelines, date: LocalDate): Map<UnitKey, PartyMember[]> {
  const byCommittee = new Map<UnitKey, PartyMember[]>();
  for (const member of timelines.members()) {
    const state = timelines.memberOn(member, date);
    if (state === undefined || (state.status !== 'PROBATIONARY' && state.status !== 'FULL')) continue;
    const committee = timelines.committeeOn(state.branch, date);
    if (committee === undefined) continue;
    const list = byCommittee.get(committee) ?? [];
    list.push({ member, branch: state.branch, status: state.status });
    byCommittee.set(committee, list);
  }
  return byCommittee;
}

function groupsByCommittee(organization: Organization, timelines: PlanTimelines, date: LocalDate): Map<UnitKey, { group: UnitKey; branch: UnitKey }[]> {
  const byCommittee = new Map<UnitKey, { group: UnitKey; branch: UnitKey }[]>();
  for (const branch of organization.branches) {
    const committee = timelines.committeeOn(branch.key, date);
    if (committee === undefined) continue;
    const list = byCommittee.get(committee) ?? [];
    for (const group of branch.groups) list.push({ group: group.key, branch: branch.key });
    byCommittee.set(committee, list);
  }
  return byCommittee;
}

/** About `share` of the items (at least one when there are any), in random order. */
function pickShare<T>(random: Random, items: readonly T[], share: number): T[] {
  if (items.length === 0) return [];
  return random.shuffle(items).slice(0, Math.max(1, Math.round(items.length * share)));
}
