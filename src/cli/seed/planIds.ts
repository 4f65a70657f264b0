import type { MemberKey, TransferKey, UnitKey } from './planKeys';

/** The real ids (uuids chosen by the commands) behind the plan's keys, learnt as commands complete. */
export class PlanIds {
  private readonly ids = new Map<UnitKey | MemberKey | TransferKey, string>();

  set(key: UnitKey | MemberKey | TransferKey, id: string): void {
    this.ids.set(key, id);
  }

  /** The id of an earlier command's subject; the executor runs that command first. */
  of(key: UnitKey | MemberKey | TransferKey): string {
    const id = this.ids.get(key);
    if (id === undefined) throw new Error(`seed plan: "${key}" is used before the command that creates it has run`);
    return id;
  }

  /** The plan's key of each id learnt (to compare two runs of a plan, whose ids differ). */
  keysById(): Map<string, UnitKey | MemberKey | TransferKey> {
    return new Map([...this.ids].map(([key, id]) => [id, key]));
  }

  optional(key: UnitKey | null): string | null {
    return key === null ? null : this.of(key);
  }
}
