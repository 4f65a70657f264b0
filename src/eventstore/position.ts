import type { Position } from './eventStore';

const WIDTH = 16;

/**
 * Encodes a (commit, prepare) pair as a fixed-width hexadecimal string so that positions
 * compare correctly as plain strings. The SQLite adapter uses its global sequence for both.
 */
export function encodePosition(commit: bigint, prepare: bigint = commit): Position {
  return `${commit.toString(16).padStart(WIDTH, '0')}${prepare.toString(16).padStart(WIDTH, '0')}`;
}

export function decodePosition(position: Position): { commit: bigint; prepare: bigint } {
  if (!isPosition(position)) throw new InvalidPositionError(position);
  return { commit: BigInt(`0x${position.slice(0, WIDTH)}`), prepare: BigInt(`0x${position.slice(WIDTH)}`) };
}

export function isPosition(value: string): boolean {
  return /^[0-9a-f]{32}$/.test(value);
}

export class InvalidPositionError extends Error {
  constructor(readonly value: string) {
    super(`"${value}" is not a log position`);
    this.name = 'InvalidPositionError';
  }
}
