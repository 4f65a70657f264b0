import type { PlannedCommand } from './seedPlan';

/** Awards and pairings in a plan, for the seed's summary. */
export function planCounts(commands: readonly PlannedCommand[]): { awards: { granted: number; revoked: number }; pairings: Record<string, number> } {
  const awards = { granted: 0, revoked: 0 };
  const pairings: Record<string, number> = { ended: 0 };
  for (const command of commands) {
    if (command.kind === 'grantAward') awards.granted++;
    else if (command.kind === 'revokeAward') awards.revoked++;
    else if (command.kind === 'assignPairing') pairings[command.pairingKind] = (pairings[command.pairingKind] ?? 0) + 1;
    else if (command.kind === 'endPairing') pairings['ended']++;
  }
  return { awards, pairings };
}
