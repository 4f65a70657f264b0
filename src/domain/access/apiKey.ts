import type { Dated } from '../decider';
import { assertNever } from '../shared/assertNever';
import type { ApiKeyEvent } from './apiKey.events';

export interface IssuedKey {
  keyId: string;
  expiresAt: string | null;
  revoked: boolean;
}

/** The state of stream `apiKey-<name>`: the key last issued under the name, if any. */
export interface ApiKeyState {
  current: IssuedKey | null;
}

export const initialApiKeyState = (): ApiKeyState => ({ current: null });

export function evolve(state: ApiKeyState, event: Dated<ApiKeyEvent>): ApiKeyState {
  switch (event.type) {
    case 'ApiKeyIssued':
      return { current: { keyId: event.data.keyId, expiresAt: event.data.expiresAt, revoked: false } };
    case 'ApiKeyRevoked':
      return state.current?.keyId === event.data.keyId ? { current: { ...state.current, revoked: true } } : state;
    default:
      return assertNever(event);
  }
}

/** Issued, not revoked, and not past its expiry at `now`. */
export function isLive(key: IssuedKey | null, now: string): key is IssuedKey {
  return key !== null && !key.revoked && (key.expiresAt === null || Date.parse(key.expiresAt) > Date.parse(now));
}
