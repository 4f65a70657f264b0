/** What the subscription hub allows each `orgEvents` subscription (README "Configuration"). */
export interface SubscriptionLimits {
  /** Replays (`orgEvents` with `after`) running at once in the process; default 8. Others wait for a slot, fairly across callers. */
  maxReplays: number;
  /** Replays running at once for one caller; default 4. */
  maxReplaysPerCaller: number;
  /** Replays one caller may have waiting for a slot; one more is refused with TOO_MANY_REPLAYS. Default 32. */
  maxWaitingReplaysPerCaller: number;
  /** Events handed to a subscriber and not yet taken by it, beyond which it is cut off with SLOW_SUBSCRIBER; default 10,000. */
  maxBufferedEvents: number;
  /** How long a replaying subscriber may leave the events handed to it untaken (it holds a replay slot) before it is cut off; default 30 s. */
  replayStallMs: number;
}

export const DEFAULT_SUBSCRIPTION_LIMITS: SubscriptionLimits = {
  maxReplays: 8,
  maxReplaysPerCaller: 4,
  maxWaitingReplaysPerCaller: 32,
  maxBufferedEvents: 10_000,
  replayStallMs: 30_000,
};
