import { dateIn, type Clock } from '../../../src/app/clock';

/** A clock the test sets forward by hand, so each write is recorded at a known, distinct time. */
export class SteppingClock implements Clock {
  private at: Date;

  constructor(start: string) {
    this.at = new Date(start);
  }

  set(instant: string): void {
    this.at = new Date(instant);
  }

  advance(milliseconds: number): void {
    this.at = new Date(this.at.getTime() + milliseconds);
  }

  now(): Date {
    return new Date(this.at);
  }

  today(): string {
    return dateIn(this.at, 'Asia/Shanghai');
  }
}
