import type { Principal } from '../../../app/access/principal';

/** graphql-ws's close code for a connection whose token no longer works. */
export const TOKEN_ENDED_CLOSE_CODE = 4401;

interface Closable {
  close(code: number, reason: string): void;
}

/**
 * The open WebSocket connections and the principal each authenticated as. Every `intervalMs`
 * each principal is checked again, and a connection whose token was revoked or has expired is
 * closed with 4401: its subscriptions end, and the client knows why.
 */
export class OpenConnections {
  private readonly open = new Map<Closable, Principal>();
  private timer: NodeJS.Timeout | undefined;
  private sweeping = false;

  constructor(
    private readonly stillValid: (principal: Principal) => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  add(socket: Closable, principal: Principal): void {
    this.open.set(socket, principal);
  }

  /** How many connections are open with the same token. */
  countOf(principal: Principal): number {
    let count = 0;
    for (const open of this.open.values()) if (open.source === principal.source && open.subject === principal.subject) count++;
    return count;
  }

  remove(socket: Closable): void {
    this.open.delete(socket);
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.sweep().catch(this.onError), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.open.clear();
  }

  async sweep(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = true;
    try {
      // One check per token, however many sockets it holds; a sweep never overlaps the last.
      const byToken = new Map<string, { principal: Principal; sockets: Closable[] }>();
      for (const [socket, principal] of this.open) {
        const key = `${principal.source}:${principal.subject}:${principal.expiresAt ?? ''}`;
        const entry = byToken.get(key) ?? { principal, sockets: [] };
        entry.sockets.push(socket);
        byToken.set(key, entry);
      }
      const verdicts = await Promise.all([...byToken.values()].map(async (entry) => ({ entry, valid: await this.stillValid(entry.principal) })));
      for (const { entry, valid } of verdicts) {
        if (valid) continue;
        for (const socket of entry.sockets) {
          this.open.delete(socket);
          socket.close(TOKEN_ENDED_CLOSE_CODE, `Unauthorized: the token "${entry.principal.name}" was revoked or has expired`.slice(0, 123));
        }
      }
    } finally {
      this.sweeping = false;
    }
  }
}
