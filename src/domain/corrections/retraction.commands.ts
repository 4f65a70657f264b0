/** A live event of another stream that names the retracted event's subject (a unit or member). */
export interface NamingEvent {
  eventId: string;
  type: string;
  stream: string;
  effectiveDate: string;
}

export type RetractEvent = {
  type: 'RetractEvent';
  eventId: string;
  reason: string;
  /** Must be the retracted event's own effective date: the fact is withdrawn from that day on. */
  effectiveDate: string;
  /** Live events of other streams that name the subject of the retracted event, in log order. */
  namedElsewhere: readonly NamingEvent[];
};
