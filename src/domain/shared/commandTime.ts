/** Every command carries when it takes effect and the caller's "today" (no clock in the domain). */
export interface CommandTime {
  effectiveDate: string;
  today: string;
}
