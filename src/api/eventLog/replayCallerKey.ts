import { ANONYMOUS_CALLER } from '../../app/subscriptions/subscriptionHub';
import type { Caller } from '../shared/context';

/**
 * The key a caller's `orgEvents` replays are counted under (ORGTRACK_MAX_REPLAYS_PER_CALLER):
 * the token's subject (an API key's id, a JWT's `sub`), so each token has its own share.
 */
export function replayCallerKey(caller: Caller): string {
  return caller === null ? ANONYMOUS_CALLER : `${caller.source}:${caller.subject}`;
}
