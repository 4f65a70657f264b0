import type { ReadStore } from '../../readstore/readStore';
import { TRANSFERS, type TransferDocument } from '../../../projections';

/**
 * Which member a transfer belongs to, read from the `transfers` read model (a transfer lives in
 * its member's stream); callers first wait until it includes everything recorded.
 */
export class TransferReadFacts {
  constructor(private readonly readStore: ReadStore) {}

  async transfer(transferId: string): Promise<TransferDocument | null> {
    return this.readStore.collection<TransferDocument>(TRANSFERS).findOne({ _id: transferId });
  }
}
