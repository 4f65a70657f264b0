import {
  AWARDS,
  EVENT_INDEX,
  PAIRINGS,
  TRANSFERS,
  type AwardDocument,
  type EventIndexDocument,
  type PairingDocument,
  type TransferDocument,
} from '../../../../projections';
import { versionWithin } from '../../../app/access/versionWithin';
import type { OrgtrackApp } from '../../../app/orgtrackApp';
import { NotFound } from '../../../domain/shared/errors';
import { forbidden } from './accessRefusals';

/**
 * What a mutation acts on, named by its input field: a unit, a member (their branch), a
 * transfer's sending or receiving branch, a pairing's or award's subject, a recorded event's
 * subjects. A caller scoped to a subtree must reach every one of them on the effective date.
 */
export type MutationTarget =
  | { kind: 'unit' | 'member' | 'memberOrUnit' | 'transferFrom' | 'transferTo' | 'pairing' | 'award' | 'event'; id: string | null | undefined; field: string }
  /**
   * A branch the caller may name outside its subtree (a transfer's destination): it need not be
   * the caller's, but when it is not, only whether it is an active branch is told, never its name.
   */
  | { kind: 'anyBranch'; id: string | null | undefined; field: string }
  /** Only ADMIN may: e.g. establish a district (no parent). */
  | { kind: 'adminOnly'; field: string; why: string };

/** Each mutation's targets, from its input; a mutation with no entry is ADMIN's alone (deny by default). */
export type MutationScopeRules = Readonly<Record<string, (input: MutationInputOf) => readonly MutationTarget[]>>;

/** Inputs as the rules read them: ids by field name. */
export type MutationInputOf = Readonly<Record<string, unknown>> & { effectiveDate?: string | null; heldOn?: string | null; startOn?: string | null };

export const id = (input: MutationInputOf, field: string): string | null => {
  const value = input[field];
  return typeof value === 'string' ? value : null;
};

/** Refuses (FORBIDDEN, before anything is decided or written) a mutation that reaches outside `root`'s subtree. */
export async function requireMutationScope(
  app: OrgtrackApp,
  rules: MutationScopeRules,
  mutation: string,
  input: MutationInputOf,
  root: string,
  today: string,
): Promise<void> {
  const rule = rules[mutation];
  if (rule === undefined) throw forbidden('ACCESS.ADMIN_ONLY', `${mutation}: only an ADMIN token may do this`);
  await app.scopeMembership.upToDate();
  // The day the fact takes effect, as the command will take it, and today: a target must be the
  // caller's on both, so a back-dated write cannot reach what has since left the subtree.
  const effective = [input.effectiveDate, input.heldOn, input.startOn].find((day): day is string => typeof day === 'string') ?? today;
  for (const target of rule(input)) {
    if (target.kind === 'adminOnly') throw forbidden('ACCESS.ADMIN_ONLY', `input.${target.field}: ${target.why}`, `input.${target.field}`);
    if (target.id === null || target.id === undefined) continue;
    if (target.kind === 'anyBranch') {
      await requireSomeBranch(app, target.id, target.field, root, effective);
      continue;
    }
    const within = async (date: string): Promise<boolean> => targetWithin(app, target, root, date, today);
    if (!(await within(effective)) || (effective !== today && !(await within(today)))) {
      throw forbidden(
        'ACCESS.OUT_OF_SCOPE',
        `input.${target.field}: ${target.id} is outside the part of the organization this token may change`,
        `input.${target.field}`,
      );
    }
  }
}

export async function targetWithin(
  app: OrgtrackApp,
  target: MutationTarget & { id?: string | null },
  root: string,
  date: string,
  today: string,
): Promise<boolean> {
  const targetId = target.id ?? '';
  switch (target.kind) {
    case 'unit':
      return app.scopeMembership.unitWithin(targetId, root, date);
    case 'member':
      return app.scopeMembership.memberWithin(targetId, root, date, today);
    case 'memberOrUnit':
      return app.scopeMembership.memberOrUnitWithin(targetId, root, date, today);
    case 'transferFrom':
    case 'transferTo': {
      const transfer = await app.readStore.collection<TransferDocument>(TRANSFERS).findOne({ _id: targetId });
      if (transfer === null) return false;
      return app.scopeMembership.unitWithin(target.kind === 'transferFrom' ? transfer.fromBranchId : transfer.toBranchId, root, date);
    }
    case 'pairing': {
      const pairing = await app.readStore.collection<PairingDocument>(PAIRINGS).findOne({ _id: targetId });
      return (
        pairing !== null &&
        ((await app.scopeMembership.unitWithin(pairing.partyId, root, date)) || app.scopeMembership.memberWithin(pairing.partyId, root, date, today))
      );
    }
    case 'award': {
      const award = await app.readStore.collection<AwardDocument>(AWARDS).findOne({ _id: targetId });
      if (award === null) return false;
      return award.recipientKind === 'UNIT'
        ? app.scopeMembership.unitWithin(award.recipientId, root, date)
        : app.scopeMembership.memberWithin(award.recipientId, root, award.grantedOn, today);
    }
    case 'event': {
      // Every unit and member the event is about must be the caller's, on the event's date (and
      // on the date checked): a move or a transfer also names the side it left.
      const event = await app.readStore.collection<EventIndexDocument>(EVENT_INDEX).findOne({ eventId: targetId });
      if (event === null || event.subjectUnitIds.length + event.memberIds.length === 0) return false;
      for (const day of [event.effectiveDate, date]) {
        for (const unitId of event.subjectUnitIds) if (!(await app.scopeMembership.unitWithin(unitId, root, day))) return false;
        for (const memberId of event.memberIds) if (!(await app.scopeMembership.memberWithin(memberId, root, day, today))) return false;
      }
      return true;
    }
    case 'adminOnly':
    case 'anyBranch':
      return false;
  }
}

async function requireSomeBranch(app: OrgtrackApp, unitId: string, field: string, root: string, date: string): Promise<void> {
  const version = (await app.unitQueries.versionsOn([unitId], date)).get(unitId);
  if (version !== undefined && versionWithin(version, root)) return;
  const active = version !== undefined && version.level === 'BRANCH' && (version.validTo === null || version.validTo > date);
  if (!active) throw new NotFound('UNIT.NOT_A_BRANCH', `input.${field}: no active branch ${unitId} existed on ${date}`, `input.${field}`);
}
