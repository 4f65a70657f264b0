import { eventTypesOf } from '../aggregate';
import type { AwardTitle, RecipientKind } from './awardTitle';

/** Events of the award aggregate, stream `award-<awardId>`: one award, granted once, revoked at most once. */
export type AwardGranted = {
  type: 'AwardGranted';
  data: {
    awardId: string;
    recipientKind: RecipientKind;
    /** A member id when recipientKind is MEMBER, a unit id when UNIT. */
    recipientId: string;
    title: AwardTitle;
    /** The label of an OTHER title; null for every other title. */
    otherTitle: string | null;
    /** The unit that grants the award: the recipient's own branch or a unit above the recipient. */
    grantedById: string;
    citation: string | null;
  };
};
/** Carries the recipient and the granting unit again, so that the event says on its own whom it concerns. */
export type AwardRevoked = {
  type: 'AwardRevoked';
  data: { awardId: string; recipientKind: RecipientKind; recipientId: string; grantedById: string; reason: string };
};

export type AwardEvent = AwardGranted | AwardRevoked;

export const awardStream = (awardId: string): string => `award-${awardId}`;

/** Every event type of the aggregate, once (a missing one is a compile error). */
export const awardEventTypes = eventTypesOf<AwardEvent>({ AwardGranted: true, AwardRevoked: true });
