import './productionDefaults';
import 'reflect-metadata';
import { Command, InvalidArgumentError } from 'commander';
import { ReadModelsOfAnotherLog } from '../app/projector/checkpointedLog';
import { ConfigError, loadConfig } from '../app/config';
import { createLogger } from '../app/logger';
import { checkServers, ServersUnreachable } from './checkServers';
import { emitSchema, SCHEMA_FILE } from './emitSchema';
import { LeaseHeldElsewhere, rebuild, UnknownProjectionError } from './rebuild';
import { serve } from './serve';
import { createToken, listTokens, revokeToken, type CreateTokenOptions } from './tokens';
import { DomainError } from '../domain/shared/errors';
import { ROLES } from '../domain/access/role';
import { seed } from './seed';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new InvalidArgumentError('must be a whole number');
  return parsed;
}

function atLeastOne(value: string): number {
  const parsed = positiveInteger(value);
  if (parsed < 1) throw new InvalidArgumentError('must be at least 1');
  return parsed;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('orgtrack').description('Event-sourced history of a multi-level membership organization, served over GraphQL');

  program
    .command('serve')
    .description('serve GraphQL at http://localhost:$PORT/graphql (embedded stores in $ORGTRACK_DATA_DIR unless EVENTSTORE_URL / MONGODB_URL are set)')
    .action(async () => {
      const config = loadConfig();
      await serve(config, createLogger(config.logLevel));
    });

  program
    .command('seed')
    .description('fill the event store with a realistic demo organization and several years of history (about 30,000 events; --scale 34 makes about 1,090,000)')
    .option('--seed <number>', 'random seed: the same number gives the same organization', positiveInteger, 1)
    .option(
      '--scale <number>',
      'times the demo organization (21 committees, 300 branches, 900 groups, 6,000 members): units, members and their history',
      atLeastOne,
      1,
    )
    .option('--members <number>', 'how many members to register (default 6,000 times the scale)', positiveInteger)
    .option('--years <number>', 'years of history', positiveInteger, 6)
    .option('--force', 'seed even when the event store already holds events', false)
    .action(async (options: { seed: number; scale: number; members?: number; years: number; force: boolean }) => {
      const config = loadConfig();
      await seed(config, createLogger(config.logLevel), options);
    });

  program
    .command('rebuild')
    .description('replay the whole log into fresh read models and swap them in, or rebuild one projection in place (for a MongoDB read store after an upgrade)')
    .argument(
      '[projection]',
      'rebuild only this projection (its collections and checkpoint); the others are left as they are and read as they stand; stop the servers on the same read store first',
    )
    .action(async (projection: string | undefined) => {
      const config = loadConfig();
      await rebuild(config, createLogger(config.logLevel), projection);
    });

  const tokens = program.command('tokens').description('issue, list and revoke API keys (each is an event in the log)');
  const print = (line: string): void => void process.stdout.write(`${line}\n`);
  tokens
    .command('create')
    .description('issue an API key and print it once (only its hash is kept)')
    .requiredOption('--role <role>', `what it may do: ${ROLES.join(', ')}`)
    .requiredOption('--name <name>', 'a name to list and revoke it by: 1 to 64 of a-z, 0-9, ".", "-", "_"')
    .option('--unit <unitId>', 'the unit whose subtree it may reach (every role but ADMIN)')
    .option('--expires <date>', 'a date (valid through that day, UTC) or an ISO-8601 instant; default never')
    .action(async (options: CreateTokenOptions) => createToken(loadConfig(), options, print));
  tokens
    .command('list')
    .description('list every key issued: name, role, unit, status, expiry (never the key)')
    .action(async () => listTokens(loadConfig(), print));
  tokens
    .command('revoke')
    .description('revoke the key issued under a name; requests and open WebSockets using it stop within seconds')
    .argument('<name>', 'the name it was issued under')
    .action(async (name: string) => revokeToken(loadConfig(), name, print));

  program
    .command('check-servers')
    .description('check that EVENTSTORE_URL and MONGODB_URL are set and answer (the first step of npm run test:production)')
    .action(async () => {
      for (const line of await checkServers({ eventStoreUrl: process.env.EVENTSTORE_URL, mongoUrl: process.env.MONGODB_URL })) print(`reachable: ${line}`);
    });

  program
    .command('emit-schema')
    .description(`write the GraphQL schema to ${SCHEMA_FILE}`)
    .action(async () => emitSchema());

  await program.parseAsync(argv);
}

main(process.argv).catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof UnknownProjectionError ||
    error instanceof DomainError ||
    error instanceof ReadModelsOfAnotherLog ||
    error instanceof LeaseHeldElsewhere ||
    error instanceof ServersUnreachable
  ) {
    process.stderr.write(`orgtrack: ${error.message}\n`);
  } else {
    process.stderr.write(`orgtrack: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
