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
    for (const [socket, principal] of [...this.open]) {
      if (await this.stillValid(principal)) continue;
      this.open.delete(socket);
      socket.close(TOKEN_ENDED_CLOSE_CODE, `Unauthorized: the token "${principal.name}" was revoked or has expired`.slice(0, 123));
    }
  }
}
