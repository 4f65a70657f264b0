import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDomainEvent } from '../../../src/app/recordedEvents';
import { aggregateOfType, aggregates, DOMAIN_CATEGORIES, EVENT_TYPES } from '../../../src/domain/aggregates';
import { RETRACTION_EVENT_TYPES } from '../../../src/domain/corrections/retraction.events';
import type { RecordedEvent } from '../../../src/eventstore/eventStore';

/**
 * Every list of event types or categories is derived from the aggregate definitions
 * (src/domain/aggregates.ts): these tests fail when one of them is forgotten somewhere.
 */
const SCHEMA_DIR = join(__dirname, '../../../schema/events');

const recorded = (stream: string, type: string): RecordedEvent =>
  ({
    id: 'e',
    stream,
    type,
    data: {},
    metadata: { effectiveDate: '2024-01-01', recordedAt: '2024-01-01T00:00:00Z' },
    position: '1',
    revision: 0,
  }) as RecordedEvent;

describe('the aggregate list is the one source of event types and categories', () => {
  it('names every event type once, each owned by one aggregate (a retraction by none: it goes to any stream)', () => {
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    for (const type of EVENT_TYPES) {
      if (RETRACTION_EVENT_TYPES.includes(type as never)) expect(aggregateOfType(type)).toBeUndefined();
      else expect(aggregateOfType(type)?.eventTypes).toContain(type);
    }
    expect(new Set(DOMAIN_CATEGORIES).size).toBe(aggregates.length);
  });

  it('has the projector read every aggregate’s stream, and no bookkeeping stream', () => {
    for (const aggregate of aggregates) {
      const stream = aggregate.streamId('3f1c');
      expect(stream).toBe(`${aggregate.category}-3f1c`);
      for (const type of [...aggregate.eventTypes, ...RETRACTION_EVENT_TYPES]) expect(isDomainEvent(recorded(stream, type))).toBe(true);
    }
    expect(isDomainEvent(recorded('idempotency-abc', 'IdempotencyKeyReserved'))).toBe(false);
  });

  it('publishes a JSON schema for exactly the event types there are', () => {
    const schemas = readdirSync(SCHEMA_DIR)
      .filter((file) => file.endsWith('.json') && file !== 'metadata.json')
      .map((file) => file.slice(0, -'.json'.length));
    expect(new Set(schemas)).toEqual(new Set(EVENT_TYPES));
  });

  it('documents every category and event type in the stream table of schema/events/README.md', () => {
    const table = readFileSync(join(SCHEMA_DIR, 'README.md'), 'utf8');
    for (const aggregate of aggregates) {
      const row = table.split('\n').find((line) => line.includes(`| \`${aggregate.category}\` |`));
      expect({ category: aggregate.category, row: row !== undefined }).toEqual({ category: aggregate.category, row: true });
      for (const type of aggregate.eventTypes) expect(`${aggregate.category}: ${row}`).toContain(type);
    }
  });
});
