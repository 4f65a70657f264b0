import { ConfigError, loadConfig } from '../../../src/app/config';
import { DEFAULT_SUBSCRIPTION_LIMITS } from '../../../src/app/subscriptions/subscriptionLimits';

describe('subscription limits (ORGTRACK_MAX_REPLAYS and the like)', () => {
  it('default to a few replays per process and per caller', () => {
    expect(loadConfig({}).subscriptions).toEqual(DEFAULT_SUBSCRIPTION_LIMITS);
  });

  it('are read from the environment', () => {
    const limits = loadConfig({
      ORGTRACK_MAX_REPLAYS: '3',
      ORGTRACK_MAX_REPLAYS_PER_CALLER: '1',
      ORGTRACK_MAX_WAITING_REPLAYS_PER_CALLER: '0',
      ORGTRACK_SUBSCRIBER_BUFFER: '50',
      ORGTRACK_REPLAY_STALL_MS: '500',
    }).subscriptions;
    expect(limits).toEqual({ maxReplays: 3, maxReplaysPerCaller: 1, maxWaitingReplaysPerCaller: 0, maxBufferedEvents: 50, replayStallMs: 500 });
  });

  it('take a process cap below the default per-caller cap as the per-caller cap too', () => {
    expect(loadConfig({ ORGTRACK_MAX_REPLAYS: '2' }).subscriptions.maxReplaysPerCaller).toBe(2);
  });

  it('refuse to start on a value out of range, or a per-caller cap above the process cap, naming it', () => {
    expect(() => loadConfig({ ORGTRACK_MAX_REPLAYS: '0' })).toThrow(/ORGTRACK_MAX_REPLAYS must be an integer/);
    expect(() => loadConfig({ ORGTRACK_SUBSCRIBER_BUFFER: 'lots' })).toThrow(/ORGTRACK_SUBSCRIBER_BUFFER/);
    expect(() => loadConfig({ ORGTRACK_MAX_REPLAYS: '2', ORGTRACK_MAX_REPLAYS_PER_CALLER: '3' })).toThrow(ConfigError);
    expect(() => loadConfig({ ORGTRACK_MAX_REPLAYS: '2', ORGTRACK_MAX_REPLAYS_PER_CALLER: '3' })).toThrow(
      /ORGTRACK_MAX_REPLAYS_PER_CALLER \(3\) cannot exceed/,
    );
  });
});
