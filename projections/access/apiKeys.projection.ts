import type { PositionedEvent } from '../../src/domain/events';
import { assertNever } from '../../src/domain/shared/assertNever';
import type { ApiKeyEvent } from '../../src/domain/access/apiKey.events';
import { apiKeyAggregate } from '../../src/domain/access/apiKey.aggregate';
import { defineProjection } from '../shared/defineProjection';
import { API_KEYS, type ApiKeyDocument } from './apiKeys.documents';

/** `apiKeys`: every key issued, and whether it was revoked; the authenticator reads it by key id. */
export const apiKeysProjection = defineProjection({
  name: 'apiKeys',
  handles: apiKeyAggregate.eventTypes,
  collection: API_KEYS,
  indexes: [{ name: 1 }],
  documentIds: (event) => [event.data.keyId],
  // Access events are never retracted, and a correction never replays a key's stream.
  forgets: () => undefined,
  evolve: evolveApiKey,
});

export function evolveApiKey(key: ApiKeyDocument | undefined, event: PositionedEvent<ApiKeyEvent>): ApiKeyDocument | undefined {
  const recorded = { position: event.position, version: event.revision };
  switch (event.type) {
    case 'ApiKeyIssued': {
      const { keyId, name, role, unitId, expiresAt, secretHash } = event.data;
      return { _id: keyId, name, role, unitId, expiresAt, secretHash, issuedAt: event.recordedAt, issuedBy: event.actor ?? null, revokedAt: null, ...recorded };
    }
    case 'ApiKeyRevoked':
      return key === undefined ? undefined : { ...key, revokedAt: event.recordedAt, ...recorded };
    default:
      return assertNever(event);
  }
}
