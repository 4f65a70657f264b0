import { dateOf } from '../domain/shared/localDate';

/** Where "now" comes from; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function today(clock: Clock): string {
  return dateOf(clock.now());
}
