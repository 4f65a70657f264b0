import type { Decider } from '../decider';
import { assertNever } from '../shared/assertNever';
import { Conflict, InvalidInput, NotFound, RuleViolation } from '../shared/errors';
import type { LocalDate } from '../shared/localDate';
import { requireNotBefore } from '../shared/timeline';
import { optionalText, requireEffectiveDate, requireName, requireOneOf } from '../shared/validation';
import { evolve, initialAwardState, type AwardState } from './award';
import type { AwardCommand, GrantAward, RecipientOnDate, RevokeAward } from './award.commands';
import type { AwardEvent, AwardGranted, AwardRevoked } from './award.events';
import { AWARD_TITLES, eligibilityOf, type AwardTitle } from './awardTitle';

/** Titles that name the recipient a member of the party (优秀共产党员, 优秀党务工作者). */
const PARTY_MEMBER_TITLES: readonly AwardTitle[] = ['OUTSTANDING_MEMBER', 'OUTSTANDING_PARTY_WORKER'];

export function grant(command: GrantAward, state: AwardState): AwardGranted {
  if (state.exists) throw new Conflict('AWARD.ALREADY_EXISTS', `award ${command.awardId} already exists`, 'input.awardId');
  const on = requireEffectiveDate(command);
  const title = requireOneOf(command.title, AWARD_TITLES, 'input.title');
  const otherTitle = requireOtherTitle(title, command.otherTitle);
  const citation = optionalText(command.citation, 'input.citation');
  const recipient = requireEligibleRecipient(command, title, on);
  requireGrantor(command, on);
  return {
    type: 'AwardGranted',
    data: {
      awardId: command.awardId,
      recipientKind: recipient.kind,
      recipientId: command.recipientId,
      title,
      otherTitle,
      grantedById: command.grantedById,
      citation,
    },
  };
}

export function revoke(command: RevokeAward, state: AwardState): AwardRevoked {
  if (!state.exists) throw new NotFound('AWARD.NOT_FOUND', `input.awardId: no award ${command.awardId} exists`, 'input.awardId');
  if (state.revokedOn !== null) {
    throw new RuleViolation('AWARD.ALREADY_REVOKED', `input.awardId: award ${state.awardId} was already revoked on ${state.revokedOn}`, 'input.awardId');
  }
  const on = requireEffectiveDate(command);
  requireNotBefore(on, state.grantedOn, 'DATE.BEFORE_GRANT', `the grant of award ${state.awardId}`);
  const reason = optionalText(command.reason, 'input.reason');
  if (reason === null) throw new InvalidInput('AWARD.REASON_REQUIRED', 'input.reason is required: say why the award is revoked', 'input.reason');
  const { awardId, recipientKind, recipientId, grantedById } = state;
  return { type: 'AwardRevoked', data: { awardId, recipientKind, recipientId, grantedById, reason } };
}

export function decide(command: AwardCommand, state: AwardState): AwardEvent[] {
  switch (command.type) {
    case 'GrantAward':
      return [grant(command, state)];
    case 'RevokeAward':
      return [revoke(command, state)];
    default:
      return assertNever(command);
  }
}

export const awardDecider: Decider<AwardCommand, AwardEvent, AwardState> = { initialState: initialAwardState, evolve, decide };

/** OTHER needs its own label; every other title is fully named by the enum and takes none. */
function requireOtherTitle(title: AwardTitle, otherTitle: string | null): string | null {
  const given = otherTitle !== null && otherTitle.trim() !== '';
  if (title === 'OTHER') {
    if (!given)
      throw new InvalidInput('AWARD.OTHER_TITLE_REQUIRED', 'input.otherTitle is required when input.title is OTHER: name the title', 'input.otherTitle');
    return requireName(otherTitle, 'input.otherTitle');
  }
  if (given) {
    throw new InvalidInput('AWARD.OTHER_TITLE_NOT_ALLOWED', `input.otherTitle is only for title OTHER, but input.title is ${title}`, 'input.otherTitle');
  }
  return null;
}

/** The recipient exists, is active on `on`, and may receive `title`. */
function requireEligibleRecipient(command: GrantAward, title: AwardTitle, on: LocalDate): RecipientOnDate {
  const field = 'input.recipientId';
  const { recipient, recipientId } = command;
  if (recipient === null) throw new NotFound('AWARD.RECIPIENT_NOT_FOUND', `${field}: no member or unit ${recipientId} exists`, field);
  const eligibility = eligibilityOf(title);
  if (recipient.kind === 'MEMBER') {
    const { member } = recipient;
    if (eligibility.kind === 'UNIT') {
      throw new RuleViolation(
        'AWARD.TITLE_NOT_FOR_MEMBERS',
        `input.title: ${title} is given to a ${eligibility.levels.join(' or ')}, but ${recipientId} is a member`,
        'input.title',
      );
    }
    if (!member.active) {
      throw new RuleViolation('AWARD.RECIPIENT_NOT_ACTIVE', `${field}: member ${recipientId} ("${member.name}") was not an active member on ${on}`, field);
    }
    if (PARTY_MEMBER_TITLES.includes(title) && member.status !== 'PROBATIONARY' && member.status !== 'FULL') {
      throw new RuleViolation(
        'AWARD.NOT_A_PARTY_MEMBER',
        `${field}: ${title} is for members of the party (PROBATIONARY or FULL), but member ${recipientId} ("${member.name}") was ${member.status ?? 'not registered'} on ${on}`,
        field,
      );
    }
    return recipient;
  }
  const { unit } = recipient;
  if (eligibility.kind === 'MEMBER') {
    throw new RuleViolation(
      'AWARD.TITLE_NOT_FOR_UNITS',
      `input.title: ${title} is given to members, but ${recipientId} ("${unit.name}") is a ${unit.level}`,
      'input.title',
    );
  }
  if (eligibility.kind === 'UNIT' && !eligibility.levels.includes(unit.level)) {
    throw new RuleViolation(
      'AWARD.TITLE_WRONG_LEVEL',
      `input.title: ${title} is given to a ${eligibility.levels.join(' or ')}, but ${recipientId} ("${unit.name}") is a ${unit.level}`,
      'input.title',
    );
  }
  if (!unit.active) throw new RuleViolation('AWARD.RECIPIENT_NOT_ACTIVE', `${field}: unit ${recipientId} ("${unit.name}") was not active on ${on}`, field);
  return recipient;
}

/**
 * The granting unit exists, is active, and stands above the recipient on `on`: for a member it is
 * their branch or one of its ancestors, for a unit one of its ancestors. Being in the recipient's
 * own line (not merely on a higher level somewhere else) is what makes the award theirs to give.
 */
function requireGrantor(command: GrantAward, on: LocalDate): void {
  const field = 'input.grantedById';
  const { grantedBy, grantedById } = command;
  if (grantedBy === null) throw new NotFound('AWARD.GRANTOR_NOT_FOUND', `${field}: no unit ${grantedById} exists`, field);
  if (!grantedBy.active)
    throw new RuleViolation('AWARD.GRANTOR_NOT_ACTIVE', `${field}: unit ${grantedById} ("${grantedBy.name}") was not active on ${on}`, field);
  if (!command.recipientAncestorIds.includes(grantedById)) {
    const rule = command.recipient?.kind === 'MEMBER' ? "the member's branch or a unit above it" : 'a unit above the recipient';
    throw new RuleViolation(
      'AWARD.GRANTOR_NOT_ABOVE',
      `${field}: ${grantedById} ("${grantedBy.name}", a ${grantedBy.level}) is not above ${command.recipientId} on ${on}: an award is granted by ${rule}`,
      field,
    );
  }
}
