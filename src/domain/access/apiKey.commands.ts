import type { CommandTime } from '../shared/commandTime';
import type { UnitOnDate } from '../units/unitOnDate';

export type IssueApiKey = CommandTime & {
  type: 'IssueApiKey';
  keyId: string;
  name: string;
  role: string;
  unitId: string | null;
  /** The unit on the effective date; null when `unitId` is null or names no unit. */
  unit: UnitOnDate | null;
  expiresAt: string | null;
  /** The instant the command is decided at, to refuse an expiry in the past. */
  now: string;
  secretHash: string;
};

export type RevokeApiKey = CommandTime & { type: 'RevokeApiKey'; name: string; now: string };

export type ApiKeyCommand = IssueApiKey | RevokeApiKey;
