import { AWARD_EVENT_TYPES, type AwardEvent } from '../src/domain/award/award.events';
import type { PositionedEvent } from '../src/domain/events';
import { MEMBER_EVENT_TYPES, type MemberEvent } from '../src/domain/member/member.events';
import { PAIRING_EVENT_TYPES, type PairingEvent } from '../src/domain/pairing/pairing.events';
import { UNIT_EVENT_TYPES, type UnitEvent } from '../src/domain/unit/unit.events';

const unitTypes: ReadonlySet<string> = new Set(UNIT_EVENT_TYPES);
const memberTypes: ReadonlySet<string> = new Set(MEMBER_EVENT_TYPES);

export function isUnitEvent(event: PositionedEvent): event is PositionedEvent<UnitEvent> {
  return unitTypes.has(event.type);
}

export function isMemberEvent(event: PositionedEvent): event is PositionedEvent<MemberEvent> {
  return memberTypes.has(event.type);
}

const pairingTypes: ReadonlySet<string> = new Set(PAIRING_EVENT_TYPES);

export function isPairingEvent(event: PositionedEvent): event is PositionedEvent<PairingEvent> {
  return pairingTypes.has(event.type);
}

const awardTypes: ReadonlySet<string> = new Set(AWARD_EVENT_TYPES);

export function isAwardEvent(event: PositionedEvent): event is PositionedEvent<AwardEvent> {
  return awardTypes.has(event.type);
}
