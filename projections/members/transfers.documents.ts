export type TransferStatus = 'OPEN' | 'ACCEPTED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED';

export const TRANSFERS = 'transfers';

/** Collection `transfers`: every transfer a member asked for, and how it ended. */
export type TransferDocument = {
  _id: string;
  memberId: string;
  fromBranchId: string;
  toBranchId: string;
  /** Why the transfer was asked for. */
  reason: string | null;
  /** CANCELLED when the member left while it was open. */
  status: TransferStatus;
  requestedOn: string;
  expiresOn: string;
  /** When it was accepted, rejected, expired or cancelled; null while open. */
  decidedOn: string | null;
  /** Why the receiving branch refused it; null unless REJECTED. */
  rejectionReason: string | null;
  position: string;
};
