import { ReplayAdmission, type ReplaySlot } from '../../../src/app/subscriptions/replayAdmission';
import { TooManyReplaysError } from '../../../src/app/subscriptions/subscriptionErrors';

/** Requests a slot and records when it is admitted. */
function requested(admission: ReplayAdmission, callerKey: string, admittedOrder: string[], name: string): ReplaySlot {
  const slot = admission.request(callerKey);
  void slot.admitted.then(() => admittedOrder.push(name));
  return slot;
}

const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ReplayAdmission: replays capped per process and per caller, the rest waiting fairly', () => {
  it('runs at most maxReplays at once and at most maxReplaysPerCaller for one caller; the others wait', async () => {
    const admission = new ReplayAdmission({ maxReplays: 3, maxReplaysPerCaller: 2, maxWaitingReplaysPerCaller: 10 });
    const admitted: string[] = [];
    requested(admission, 'a', admitted, 'a1');
    requested(admission, 'a', admitted, 'a2');
    requested(admission, 'a', admitted, 'a3');
    requested(admission, 'b', admitted, 'b1');
    requested(admission, 'c', admitted, 'c1');
    await settle();
    expect(admitted).toEqual(['a1', 'a2', 'b1']);
    expect(admission.counts).toEqual({ running: 3, waiting: 2 });
  });

  it('gives a freed slot to the waiting caller with the fewest replays running, not to the longest queue', async () => {
    const admission = new ReplayAdmission({ maxReplays: 2, maxReplaysPerCaller: 2, maxWaitingReplaysPerCaller: 10 });
    const admitted: string[] = [];
    const a1 = requested(admission, 'a', admitted, 'a1');
    const a2 = requested(admission, 'a', admitted, 'a2');
    requested(admission, 'a', admitted, 'a3');
    requested(admission, 'a', admitted, 'a4');
    requested(admission, 'b', admitted, 'b1');
    a1.release();
    await settle();
    expect(admitted).toEqual(['a1', 'a2', 'b1']);
    a2.release();
    await settle();
    expect(admitted).toEqual(['a1', 'a2', 'b1', 'a3']);
  });

  it('refuses a caller that has maxWaitingReplaysPerCaller waiting already, and only that caller', () => {
    const admission = new ReplayAdmission({ maxReplays: 1, maxReplaysPerCaller: 1, maxWaitingReplaysPerCaller: 1 });
    admission.request('a');
    admission.request('a');
    expect(() => admission.request('a')).toThrow(TooManyReplaysError);
    expect(() => admission.request('a')).toThrow(/1 running and 1 waiting/);
    expect(() => admission.request('b')).not.toThrow();
    expect(admission.counts).toEqual({ running: 1, waiting: 2 });
  });

  it('with no waiting allowed, runs a replay when a slot is free and refuses it otherwise', () => {
    const admission = new ReplayAdmission({ maxReplays: 1, maxReplaysPerCaller: 1, maxWaitingReplaysPerCaller: 0 });
    const first = admission.request('a');
    expect(() => admission.request('b')).toThrow(TooManyReplaysError);
    first.release();
    expect(() => admission.request('b')).not.toThrow();
  });

  it('forgets a replay released while it waits, and a slot released twice frees one slot only', async () => {
    const admission = new ReplayAdmission({ maxReplays: 1, maxReplaysPerCaller: 1, maxWaitingReplaysPerCaller: 10 });
    const admitted: string[] = [];
    const a1 = requested(admission, 'a', admitted, 'a1');
    const b1 = requested(admission, 'b', admitted, 'b1');
    requested(admission, 'c', admitted, 'c1');
    requested(admission, 'd', admitted, 'd1');
    b1.release();
    a1.release();
    a1.release();
    await settle();
    expect(admitted).toEqual(['a1', 'c1']);
    expect(admission.counts).toEqual({ running: 1, waiting: 1 });
  });
});
