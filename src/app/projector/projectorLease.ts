import { DuplicateKeyError, type ReadStore } from '../../readstore/readStore';

/** The collection of the lease, beside the read models it guards: bookkeeping, which a rebuild leaves alone. */
export const PROJECTOR_LEASE = '_projectorLease';

type LeaseDocument = { _id: 'projector'; holder: string; token: number; expiresAt: number };

export interface LeaseOptions {
  /** Who asks: unique per process (host, pid and a random part). */
  holder: string;
  /** How long a lease holds without a renewal. */
  ttlMs: number;
}

/**
 * One projector writes a read store that several instances share: the one holding this lease,
 * kept in the read store itself (the same port on every adapter). It expires unless renewed; a
 * taker of an expired lease raises its token (a fencing token), so a deposed holder's renewal,
 * which names the old token, matches nothing. Every change is a conditional update of the one
 * lease document, so two instances deciding at once cannot both win. Instances compare expiry
 * times with their own clocks: keep their skew well under the ttl.
 */
export class ProjectorLease {
  private token: number | undefined;

  constructor(
    private readonly store: ReadStore,
    readonly options: LeaseOptions,
  ) {}

  /** The token of the lease while this instance believes it holds it. */
  get heldToken(): number | undefined {
    return this.token;
  }

  /** Renews the lease this instance holds, or takes it when nobody holds it or it expired; whether it holds it now. */
  async acquireOrRenew(): Promise<boolean> {
    const leases = this.store.collection<LeaseDocument>(PROJECTOR_LEASE);
    const now = Date.now();
    const expiresAt = now + this.options.ttlMs;
    const { holder } = this.options;
    if (this.token !== undefined) {
      const renewed = await leases.updateOne({ _id: 'projector', holder, token: this.token, expiresAt: { $gt: now } }, { $set: { expiresAt } });
      if (renewed.matchedCount === 1) return true;
      this.token = undefined;
    }
    const current = await leases.findOne({ _id: 'projector' });
    if (current === null) {
      try {
        await leases.insertOne({ _id: 'projector', holder, token: 1, expiresAt });
        this.token = 1;
        return true;
      } catch (error) {
        if (error instanceof DuplicateKeyError) return false;
        throw error;
      }
    }
    if (current.expiresAt > now) return false;
    const token = current.token + 1;
    const taken = await leases.updateOne({ _id: 'projector', token: current.token, expiresAt: current.expiresAt }, { $set: { holder, token, expiresAt } });
    if (taken.matchedCount !== 1) return false;
    this.token = token;
    return true;
  }

  /** Whether the lease is this instance's now (read from the store): the fence before a write. */
  async held(): Promise<boolean> {
    if (this.token === undefined) return false;
    const current = await this.store.collection<LeaseDocument>(PROJECTOR_LEASE).findOne({ _id: 'projector' });
    const held = current !== null && current.holder === this.options.holder && current.token === this.token && current.expiresAt > Date.now();
    if (!held) this.token = undefined;
    return held;
  }

  /** Gives the lease up at once (a clean stop), so another instance need not wait for it to expire. */
  async release(): Promise<void> {
    if (this.token === undefined) return;
    await this.store
      .collection<LeaseDocument>(PROJECTOR_LEASE)
      .updateOne({ _id: 'projector', holder: this.options.holder, token: this.token }, { $set: { expiresAt: 0 } });
    this.token = undefined;
  }
}
