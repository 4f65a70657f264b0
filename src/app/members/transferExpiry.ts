import { addDays } from '../../domain/shared/localDate';
import { DomainError } from '../../domain/shared/errors';
import type { ReadStore } from '../../readstore/readStore';
import { TRANSFERS, type TransferDocument } from '../../../projections';
import { today, type Clock } from '../clock';
import type { MemberCommands } from './memberCommands';
import type { Projector } from '../projector/projector';

export const EXPIRY_ACTOR = 'system:transfer-expiry';

/**
 * Records `TransferExpired` for open transfers whose last day has passed, so that read models
 * and subscribers see the expiry as an event. Several instances may sweep at once: the member
 * decider refuses the second expiry of a transfer, and that refusal is ignored here.
 */
export class TransferExpiry {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly readStore: ReadStore,
    private readonly projector: Projector,
    private readonly members: MemberCommands,
    private readonly clock: Clock,
  ) {}

  /** Expires every overdue transfer; returns how many it expired. */
  async sweep(): Promise<number> {
    await this.projector.catchUp();
    const now = today(this.clock);
    const overdue = await this.readStore.collection<TransferDocument>(TRANSFERS).find({ status: 'OPEN', expiresOn: { $lt: now } }, { sort: { expiresOn: 1 } });
    let expired = 0;
    for (const transfer of overdue) {
      try {
        await this.members.expireTransfer({ transferId: transfer._id }, { effectiveDate: addDays(transfer.expiresOn, 1), actor: EXPIRY_ACTOR });
        expired++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return expired;
  }

  /** Sweeps now and then every `intervalMs` (default: hourly) until `stop`. */
  start(onError: (error: unknown) => void, intervalMs = 3_600_000): void {
    const run = (): void => void this.sweep().catch(onError);
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
