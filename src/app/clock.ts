/** Where "now" comes from; tests pass a fixed clock. */
export interface Clock {
  now(): Date;
  /** Today's calendar date (YYYY-MM-DD) in the organization's time zone. */
  today(): string;
}

/** Building a DateTimeFormat costs far more than using one: keep one per time zone. */
const formats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of `instant` in `timeZone` (an IANA name such as Asia/Shanghai). */
export function dateIn(instant: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    // en-CA formats dates as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(instant);
}

export function isTimeZone(name: string): boolean {
  try {
    dateIn(new Date(0), name);
    return true;
  } catch {
    return false;
  }
}

export function systemClock(timeZone: string): Clock {
  // Formatting a date in a time zone costs tens of µs; every request asks, so ask once a second.
  let checkedAt = -Infinity;
  let date = '';
  return {
    now: () => new Date(),
    today: () => {
      const now = Date.now();
      if (now - checkedAt >= 1000) {
        date = dateIn(new Date(now), timeZone);
        checkedAt = now;
      }
      return date;
    },
  };
}

/** A clock stopped at `instant` (ISO-8601). */
export function fixedClock(instant: string, timeZone = 'UTC'): Clock {
  const at = new Date(instant);
  return { now: () => new Date(at), today: () => dateIn(at, timeZone) };
}

export function today(clock: Clock): string {
  return clock.today();
}
