import { ANONYMOUS_CALLER } from '../../app/subscriptions/subscriptionHub';
import type { Caller } from '../shared/context';

/**
 * The key a caller's `orgEvents` replays are counted under (ORGTRACK_MAX_REPLAYS_PER_CALLER):
 * one per token once requests are authenticated, so each kind of caller must say which.
 */
export function replayCallerKey(caller: Caller): string {
  switch (caller.kind) {
    case 'anonymous':
      return ANONYMOUS_CALLER;
  }
}
