import type { AwardTitle, RecipientKind } from '../../src/domain/awards/awardTitle';

export const AWARDS = 'awards';

/** Collection `awards`: one document per award, from its grant to its revocation. */
export type AwardDocument = {
  _id: string;
  recipientKind: RecipientKind;
  /** A member id or a unit id, as `recipientKind` says. */
  recipientId: string;
  title: AwardTitle;
  /** The label of an OTHER title; null otherwise. */
  otherTitle: string | null;
  grantedById: string;
  citation: string | null;
  grantedOn: string;
  /** From this date on the award is no longer in force; null while it stands. */
  revokedOn: string | null;
  revokeReason: string | null;
  /** When the grant was recorded. */
  recordedAt: string;
  /** When the revocation was recorded; null while the award stands. */
  endRecordedAt: string | null;
  /** Of the award's last fact. */
  position: string;
  /** Revision of the award's stream (for expectedVersion). */
  version: number;
};
