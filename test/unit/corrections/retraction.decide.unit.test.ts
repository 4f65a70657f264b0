import type { Dated } from '../../../src/domain/decider';
import type { OrgEvent } from '../../../src/domain/events';
import type { NamingEvent, RetractEvent } from '../../../src/domain/corrections/retraction.commands';
import { retractionDecider } from '../../../src/domain/corrections/retraction.decide';
import type { EventRetracted } from '../../../src/domain/corrections/retraction.events';
import { InvalidInput, NotFound, RuleViolation } from '../../../src/domain/shared/errors';
import { spec } from '../../support/deciderSpecification';

/** A stored event of the stream, with its id (the retraction decider matches on ids). */
const stored = (eventId: string, effectiveDate: string, event: OrgEvent): Dated<OrgEvent> => ({ ...event, effectiveDate, eventId });

const registered = stored('e1', '2020-01-01', {
  type: 'MemberRegistered',
  data: { memberId: 'm1', name: '张三', branchId: 'b1', groupId: null, status: 'FULL', joinedOn: '2010-07-01' },
});
const requested = stored('e2', '2021-03-01', {
  type: 'TransferRequested',
  data: { memberId: 'm1', transferId: 't1', fromBranchId: 'b1', toBranchId: 'b2', reason: null, expiresOn: '2021-05-30' },
});
const accepted = stored('e3', '2021-03-10', {
  type: 'TransferAccepted',
  data: { memberId: 'm1', transferId: 't1', fromBranchId: 'b1', fromGroupId: null, toBranchId: 'b2' },
});
const retractionOf = (eventId: string, retractionId: string, effectiveDate: string): Dated<OrgEvent> =>
  stored(retractionId, effectiveDate, { type: 'EventRetracted', data: { eventId, eventType: 'TransferAccepted', reason: 'Entered in error' } });

const retract = (eventId: string, effectiveDate: string, overrides: Partial<RetractEvent> = {}): RetractEvent => ({
  type: 'RetractEvent',
  eventId,
  reason: 'Entered in error',
  effectiveDate,
  namedElsewhere: [],
  ...overrides,
});

const retracted = (eventId: string, eventType: string): EventRetracted => ({
  type: 'EventRetracted',
  data: { eventId, eventType, reason: 'Entered in error' },
});

const given = spec(retractionDecider).given;

describe('retracting a recorded event', () => {
  it('withdraws the latest fact of a stream, naming it and why', () => {
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10'))
      .then([retracted('e3', 'TransferAccepted')]);
  });

  it('an unknown event, a retraction and an event already retracted are refused', () => {
    given([registered]).when(retract('nope', '2021-03-10')).thenThrows(NotFound, 'RETRACTION.EVENT_NOT_FOUND');
    const history = [registered, requested, accepted, retractionOf('e3', 'r1', '2021-03-10')];
    given(history).when(retract('r1', '2021-03-10')).thenThrows(RuleViolation, 'RETRACTION.OF_RETRACTION');
    const again = given(history).when(retract('e3', '2021-03-10')).thenThrows(RuleViolation, 'RETRACTION.ALREADY_RETRACTED');
    expect(again.message).toContain('r1');
  });

  it('a later fact of the same stream decided on it must be retracted first', () => {
    const error = given([registered, requested, accepted]).when(retract('e2', '2021-03-01')).thenThrows(RuleViolation, 'RETRACTION.HAS_DEPENDENTS');
    expect(error.message).toContain('TransferAccepted e3');
    given([registered, requested, accepted]).when(retract('e1', '2020-01-01')).thenThrows(RuleViolation, 'RETRACTION.HAS_DEPENDENTS');
  });

  it('once the dependent fact is retracted, the earlier one can be', () => {
    given([registered, requested, accepted, retractionOf('e3', 'r1', '2021-03-10')])
      .when(retract('e2', '2021-03-01'))
      .then([retracted('e2', 'TransferRequested')]);
  });

  it("a registration named by another stream's live event is refused; a change of place only by meetings and elections on or after it", () => {
    const meeting: NamingEvent = { eventId: 'x1', type: 'MeetingRecorded', stream: 'meeting-1', effectiveDate: '2021-04-01' };
    const award: NamingEvent = { eventId: 'x2', type: 'AwardGranted', stream: 'award-1', effectiveDate: '2021-04-01' };
    given([registered])
      .when(retract('e1', '2020-01-01', { namedElsewhere: [award] }))
      .thenThrows(RuleViolation, 'RETRACTION.HAS_DEPENDENTS');
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10', { namedElsewhere: [meeting] }))
      .thenThrows(RuleViolation, 'RETRACTION.HAS_DEPENDENTS');
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10', { namedElsewhere: [award] }))
      .then([retracted('e3', 'TransferAccepted')]);
    const before = { ...meeting, effectiveDate: '2021-02-01' };
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10', { namedElsewhere: [before] }))
      .then([retracted('e3', 'TransferAccepted')]);
  });

  it("takes effect on the retracted fact's own date and needs a reason", () => {
    given([registered, requested, accepted]).when(retract('e3', '2021-06-01')).thenThrows(InvalidInput, 'RETRACTION.EFFECTIVE_DATE');
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10', { reason: '  ' }))
      .thenThrows(InvalidInput, 'RETRACTION.REASON_REQUIRED');
    given([registered, requested, accepted])
      .when(retract('e3', '2021-03-10', { reason: 'x'.repeat(2001) }))
      .thenThrows(InvalidInput, 'RETRACTION.REASON_TOO_LONG');
  });
});
