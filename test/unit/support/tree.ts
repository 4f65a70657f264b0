import { EventLog, established } from './eventLog';

/**
 * Two districts with one committee each; C1 has branch B1 with groups G1 and G1b, C2 has
 * branch B2 with group G2. All established on 2010-01-01.
 */
export function logWithTree(): EventLog {
  const log = new EventLog();
  const on = '2010-01-01';
  log.record(on, established('D1', 'DISTRICT', null));
  log.record(on, established('D2', 'DISTRICT', null));
  log.record(on, established('C1', 'COMMITTEE', 'D1'));
  log.record(on, established('C2', 'COMMITTEE', 'D2'));
  log.record(on, established('B1', 'BRANCH', 'C1'));
  log.record(on, established('B2', 'BRANCH', 'C2'));
  log.record(on, established('G1', 'GROUP', 'B1'));
  log.record(on, established('G1b', 'GROUP', 'B1'));
  log.record(on, established('G2', 'GROUP', 'B2'));
  return log;
}
