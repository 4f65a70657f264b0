import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Caller } from '../context';

/** Failed authentications per address per minute: each costs a slow hash, and guessing is an attack. */
const FAILED_AUTHENTICATIONS_PER_MINUTE = 30;

/**
 * Per-token budgets (rate-limiter-flexible, in this process): operations per minute on HTTP and
 * WebSocket together, and failed authentications per address. Refusals are RATE_LIMITED with
 * `Retry-After` (HTTP 429). Several instances each keep their own budgets.
 */
export class RateLimits {
  private readonly operations: RateLimiterMemory;
  private readonly failures = new RateLimiterMemory({ points: FAILED_AUTHENTICATIONS_PER_MINUTE, duration: 60 });

  constructor(operationsPerMinute: number) {
    this.operations = new RateLimiterMemory({ points: operationsPerMinute, duration: 60 });
  }

  /** One operation of `caller` (or of `address` when it sent no token); refused once the minute's budget is spent. */
  async operation(caller: Caller, address: string): Promise<void> {
    const key = caller === null ? `address:${address}` : `${caller.source}:${caller.subject}`;
    await consume(this.operations, key, 'RATE.OPERATIONS', 'Too many operations for this token');
  }

  /**
   * A token not verified before is checked: the attempt is counted first (so concurrent guesses
   * cannot all pass a check made before any failed), and given back once it succeeded.
   */
  async authenticationAttempt(address: string): Promise<void> {
    await consume(this.failures, address, 'RATE.AUTHENTICATION', 'Too many failed authentications from this address');
  }

  async authenticationSucceeded(address: string): Promise<void> {
    await this.failures.reward(address, 1);
  }
}

async function consume(limiter: RateLimiterMemory, key: string, reason: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (refusal) {
    if (refusal instanceof RateLimiterRes) throw rateLimited(reason, message, refusal.msBeforeNext);
    throw refusal;
  }
}

function rateLimited(reason: string, message: string, msBeforeNext: number): GraphQLError {
  const seconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new GraphQLError(`${message}; retry after ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', reason, retryAfter: seconds, http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } },
  });
}
