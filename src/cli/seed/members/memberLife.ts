import { assertNever } from '../../../domain/shared/assertNever';
import { MEMBER_STAGES, nextStage, type LeaveReason, type MemberStage } from '../../../domain/members/memberStatus';
import { addDays, type LocalDate } from '../../../domain/shared/localDate';
import type { MemberProfile, Newcomer } from './memberProfiles';
import { leaveNote, rejectionReason } from './memberTexts';
import { dateBetween } from '../planDates';
import type { PlannedBranch } from '../units/planOrganization';
import type { Random } from '../random';
import type { MemberKey, MemberOutcome, PlannedCommand, TransferCounts, TransferKey, UnitKey } from '../seedPlan';
import { chooseTransferTarget, type TransferWorld } from './transferTargets';

/** What a member's life can reach: the branches, the end of the history, the transfer rules. */
export interface LifeWorld extends TransferWorld {
  end: LocalDate;
  transferExpiryDays: number;
  transfers: TransferCounts;
  nextTransferKey(): TransferKey;
}

export interface MemberSetup {
  key: MemberKey;
  name: string;
  branch: PlannedBranch;
  group: UnitKey | null;
  registeredOn: LocalDate;
  newcomer: Newcomer;
  profile: MemberProfile;
  /** On the books when the history starts (rather than registered later). */
  initial: boolean;
}

type Answer = 'accept' | 'reject' | 'expire';
type Intention =
  | { type: 'advance'; on: LocalDate; to: MemberStage }
  | { type: 'transfer'; on: LocalDate }
  | { type: 'answer'; on: LocalDate; transfer: TransferKey; answer: Answer }
  | { type: 'regroup'; on: LocalDate }
  | { type: 'leave'; on: LocalDate; reason: LeaveReason };

/** Days from reaching a stage to the next one, and how many go on at all. */
const NEXT_STEP: Record<Exclude<MemberStage, 'FULL'>, { days: readonly [number, number]; chance: number }> = {
  APPLICANT: { days: [90, 270], chance: 0.75 },
  ACTIVIST: { days: [365, 540], chance: 0.8 },
  CANDIDATE: { days: [60, 180], chance: 0.95 },
  PROBATIONARY: { days: [365, 379], chance: 0.97 },
};
const SECOND_TRANSFER_CHANCE = 0.1;
const REGROUP_CHANCE = 0.1;
const REGROUP_AFTER_TRANSFER_CHANCE = 0.85;

/**
 * One member's history from registration on: stage advances in order, transfers (request, then
 * an answer or expiry), group changes and perhaps leaving. Intentions are drawn first, then
 * played in date order against the member's state, so every command is valid when it runs and
 * the member's dates never go backwards.
 */
export function planMemberLife(random: Random, setup: MemberSetup, world: LifeWorld): { commands: PlannedCommand[]; outcome: MemberOutcome } {
  const { key: member, registeredOn: start, newcomer, profile } = setup;
  const { end } = world;
  const commands: PlannedCommand[] = [
    {
      kind: 'registerMember',
      on: start,
      member,
      name: setup.name,
      branch: setup.branch.key,
      group: setup.group,
      status: newcomer.status,
      joinedOn: newcomer.joinedOn,
    },
  ];
  let branch = setup.branch;
  let group = setup.group;
  let stage = newcomer.status;
  let open: { transfer: TransferKey; toBranch: PlannedBranch; settlesOn: LocalDate } | null = null;
  let left = false;

  const queue: (Intention & { seq: number })[] = [];
  let seq = 0;
  const schedule = (intention: Intention): void => {
    if (intention.on <= end) queue.push({ ...intention, seq: seq++ });
  };
  const later = (from: LocalDate, days: number): LocalDate | null => (addDays(from, days) <= end ? addDays(from, days) : null);
  const someDayAfter = (days: number): LocalDate | null => {
    const from = later(start, days);
    return from === null ? null : dateBetween(random, from, end);
  };
  const scheduleNextStage = (reached: MemberStage, on: LocalDate, firstStep: boolean): void => {
    if (reached === 'FULL') return;
    const step = NEXT_STEP[reached];
    if (!random.chance(step.chance)) return;
    const to = nextStage(reached)!;
    if (reached === 'PROBATIONARY' && firstStep && newcomer.joinedOn !== null) {
      const due = addDays(newcomer.joinedOn, random.int(step.days[0], step.days[1]));
      schedule({ type: 'advance', on: due > on ? due : addDays(on, 1), to });
      return;
    }
    // Someone on the books at the start has already spent part of the time in their stage.
    const shortest = firstStep && setup.initial ? 30 : step.days[0];
    schedule({ type: 'advance', on: addDays(on, random.int(shortest, step.days[1])), to });
  };

  scheduleNextStage(stage, start, true);
  if (random.chance(profile.transferChance)) {
    const on = someDayAfter(30);
    if (on) schedule({ type: 'transfer', on });
    const again = random.chance(SECOND_TRANSFER_CHANCE) ? someDayAfter(60) : null;
    if (again) schedule({ type: 'transfer', on: again });
  }
  if (random.chance(REGROUP_CHANCE)) {
    const on = someDayAfter(30);
    if (on) schedule({ type: 'regroup', on });
  }
  if (random.chance(profile.leaveChance)) {
    const on = someDayAfter(60);
    if (on) schedule({ type: 'leave', on, reason: random.weighted(profile.leaveReasons) });
  }

  while (queue.length > 0 && !left) {
    queue.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq));
    const intention = queue.shift()!;
    const { on } = intention;
    switch (intention.type) {
      case 'advance':
        commands.push({ kind: 'advanceStage', on, member, to: intention.to });
        stage = intention.to;
        scheduleNextStage(stage, on, false);
        break;
      case 'transfer': {
        if (open !== null) {
          schedule({ type: 'transfer', on: addDays(open.settlesOn, 1) });
          break;
        }
        const target = chooseTransferTarget(random, world, { branch, stage, birthYear: newcomer.birthYear, on });
        if (target === null) break;
        const transfer = world.nextTransferKey();
        commands.push({ kind: 'requestTransfer', on, member, transfer, toBranch: target.branch.key, reason: target.reason });
        world.transfers.requested++;
        const answer = random.weighted<Answer>([
          ['accept', 82],
          ['reject', 12],
          ['expire', 6],
        ]);
        const settlesOn =
          answer === 'expire'
            ? addDays(on, world.transferExpiryDays + 1)
            : addDays(on, Math.min(world.transferExpiryDays, answer === 'accept' ? random.int(2, 30) : random.int(3, 20)));
        open = { transfer, toBranch: target.branch, settlesOn };
        schedule({ type: 'answer', on: settlesOn, transfer, answer });
        break;
      }
      case 'answer':
        if (open === null) break;
        if (intention.answer === 'accept') {
          commands.push({ kind: 'acceptTransfer', on, member, transfer: intention.transfer });
          world.transfers.accepted++;
          branch = open.toBranch;
          group = null;
          const regroupOn = random.chance(REGROUP_AFTER_TRANSFER_CHANCE) ? later(on, random.int(3, 30)) : null;
          if (regroupOn) schedule({ type: 'regroup', on: regroupOn });
        } else if (intention.answer === 'reject') {
          commands.push({ kind: 'rejectTransfer', on, member, transfer: intention.transfer, reason: rejectionReason(random) });
          world.transfers.rejected++;
        } else {
          commands.push({ kind: 'expireTransfer', on, member, transfer: intention.transfer });
          world.transfers.expired++;
        }
        open = null;
        break;
      case 'regroup': {
        const choices = branch.groups.filter((candidate) => candidate.key !== group);
        if (choices.length === 0) break;
        group = random.pick(choices).key;
        commands.push({ kind: 'assignGroup', on, member, group });
        break;
      }
      case 'leave': {
        const joined = MEMBER_STAGES.indexOf(stage) >= MEMBER_STAGES.indexOf('PROBATIONARY');
        const note = intention.reason === 'WITHDREW' && !joined ? '本人撤回入党申请' : leaveNote(random, intention.reason);
        commands.push({ kind: 'memberLeft', on, member, reason: intention.reason, note });
        if (open !== null) world.transfers.cancelled++;
        open = null;
        left = true;
        break;
      }
      default:
        assertNever(intention);
    }
  }
  if (open !== null) world.transfers.open++;
  return { commands, outcome: { member, branch: branch.key, group, status: left ? 'LEFT' : stage } };
}
