import { evolveApiKey } from '../../../projections/access/apiKeys.projection';
import type { ApiKeyDocument } from '../../../projections/access';
import type { ApiKeyEvent } from '../../domain/access/apiKey.events';
import type { PositionedEvent } from '../../domain/events';
import type { EventStore } from '../../eventstore/eventStore';
import { apiKeyAggregate } from '../../domain/access/apiKey.aggregate';
import { toPositionedEvent } from '../recordedEvents';

const PAGE = 1000;

/** Every key ever issued, read from the log itself (for the CLI, which runs no projector), oldest first. */
export async function listApiKeys(eventStore: EventStore): Promise<ApiKeyDocument[]> {
  const keys = new Map<string, ApiKeyDocument>();
  let after: string | undefined;
  for (;;) {
    const page = await eventStore.readAll({ after, maxCount: PAGE, filter: { categories: [apiKeyAggregate.category] } });
    for (const recorded of page) {
      const event = toPositionedEvent(recorded) as PositionedEvent<ApiKeyEvent>;
      const next = evolveApiKey(keys.get(event.data.keyId), event);
      if (next !== undefined) keys.set(next._id, next);
    }
    if (page.length < PAGE) return [...keys.values()];
    after = page[page.length - 1].position;
  }
}

/** Issued, not revoked, not expired at `now` (epoch ms). */
export function isLiveKey(key: ApiKeyDocument, now: number): boolean {
  return key.revokedAt === null && (key.expiresAt === null || Date.parse(key.expiresAt) > now);
}
