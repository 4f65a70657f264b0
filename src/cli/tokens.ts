import { ApiKeyCommands } from '../app/access/apiKeyCommands';
import { isLiveKey, listApiKeys } from '../app/access/apiKeyList';
import { systemClock } from '../app/clock';
import { CommandHandler } from '../app/commands/commandHandler';
import { CommandPaths } from '../app/commands/commandPath';
import type { Config } from '../app/config';
import { openEventStore } from '../app/orgtrackApp';
import { UnitStreamFacts } from '../app/units/unitStreamFacts';
import { apiKeyAggregate } from '../domain/access/apiKey.aggregate';
import type { EventStore } from '../eventstore/eventStore';

/** What `orgtrack tokens …` records as the actor of the events it writes. */
const CLI_ACTOR = { actor: 'cli' };

export interface CreateTokenOptions {
  role: string;
  unit?: string;
  name: string;
  expires?: string;
}

/**
 * `orgtrack tokens create|list|revoke`: works on the event store directly (no projector, no
 * server needed); a running server picks the events up within a second or two.
 */
export async function createToken(config: Config, options: CreateTokenOptions, print: (line: string) => void): Promise<void> {
  await withEventStore(config, async (eventStore) => {
    const issued = await commandsOver(eventStore, config).issue(
      { name: options.name, role: options.role, unitId: options.unit ?? null, expires: options.expires ?? null },
      CLI_ACTOR,
    );
    print(
      `Issued ${issued.role} key "${issued.name}"${issued.unitId ? ` for unit ${issued.unitId}` : ''}${issued.expiresAt ? `, expiring ${issued.expiresAt}` : ''}.`,
    );
    print('The key is shown this once; only its hash is kept:');
    print('');
    print(`  ${issued.key}`);
    print('');
    print(`Send it as: Authorization: Bearer ${issued.key}`);
  });
}

export async function listTokens(config: Config, print: (line: string) => void): Promise<void> {
  await withEventStore(config, async (eventStore) => {
    const keys = await listApiKeys(eventStore);
    const now = Date.now();
    if (keys.length === 0) {
      print('No keys issued yet: orgtrack tokens create --role ADMIN --name <name>');
      return;
    }
    const rows = keys.map((key) => [
      key.name,
      key.role,
      key.unitId ?? '(all)',
      isLiveKey(key, now) ? 'live' : key.revokedAt !== null ? `revoked ${key.revokedAt}` : 'expired',
      key.expiresAt ?? 'never',
      key.issuedAt,
      key._id,
    ]);
    const header = ['NAME', 'ROLE', 'UNIT', 'STATUS', 'EXPIRES', 'ISSUED', 'KEY ID'];
    const widths = header.map((title, at) => Math.max(title.length, ...rows.map((row) => row[at].length)));
    for (const row of [header, ...rows])
      print(
        row
          .map((cell, at) => cell.padEnd(widths[at]))
          .join('  ')
          .trimEnd(),
      );
  });
}

export async function revokeToken(config: Config, name: string, print: (line: string) => void): Promise<void> {
  await withEventStore(config, async (eventStore) => {
    await commandsOver(eventStore, config).revoke(name, CLI_ACTOR);
    print(`Revoked the key "${name.trim().toLowerCase()}": requests with it are refused, and its open WebSocket connections closed, within seconds.`);
  });
}

function commandsOver(eventStore: EventStore, config: Config): ApiKeyCommands {
  const clock = systemClock(config.timeZone);
  return new ApiKeyCommands(new CommandPaths(new CommandHandler(eventStore, clock)).of(apiKeyAggregate), new UnitStreamFacts(eventStore), clock);
}

async function withEventStore(config: Config, work: (eventStore: EventStore) => Promise<void>): Promise<void> {
  const eventStore = await openEventStore(config);
  try {
    await work(eventStore);
  } finally {
    await eventStore.close();
  }
}
