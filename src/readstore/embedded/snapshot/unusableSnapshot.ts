/** Why a saved read store cannot be used; each comes with one line saying more. */
export type UnusableReason = 'missing' | 'unreadable' | 'format' | 'truncated' | 'corrupt';

/** A snapshot file that is not loaded, and why (logged as one line; the read models are then rebuilt from the log). */
export class UnusableSnapshot extends Error {
  constructor(
    readonly reason: UnusableReason,
    message: string,
  ) {
    super(message);
    this.name = 'UnusableSnapshot';
  }
}
