import type { Logger } from 'pino';
import type { Config } from '../app/config';
import { listApiKeys } from '../app/access/apiKeyList';
import { requireAuthenticationSource } from '../app/access/authenticationSource';
import { firstStartAdminKey, type FirstStartKey } from '../app/access/firstStartAdminKey';
import { createApp } from '../app/orgtrackApp';
import { buildOrgtrackSchema } from '../api/schema';
import { startServer } from '../api/server';
import { startRebuildProgress, type RebuildProgress } from './rebuildProgress';
import { snapshotLog } from './snapshotLog';

/** `orgtrack serve`: catches the read models up with the log, then serves GraphQL until a signal. */
export async function serve(config: Config, logger: Logger): Promise<void> {
  const started = Date.now();
  const projecting = throttled(2000, (position: string, applied: number) => logger.info({ position, applied }, 'projecting the event log'));
  // Set when the read models are rebuilt from the whole log (no snapshot to restore).
  let rebuilding: RebuildProgress | undefined;
  const app = await createApp(config, {
    projector: {
      onProgress: (position, applied) => (rebuilding === undefined ? projecting(position, applied) : rebuilding.update(applied)),
    },
    onProjectionError: (error) => logger.error({ err: error }, 'the projector failed; it resumes from the stored checkpoints'),
    snapshots: {
      reporter: snapshotLog(logger, (outcome) => {
        if (!outcome.restored) rebuilding = startRebuildProgress(outcome.eventsToApply, logger);
      }),
    },
  });
  const keys = await listApiKeys(app.eventStore);
  try {
    requireAuthenticationSource(config, keys, Date.now());
  } catch (error) {
    await app.close();
    throw error;
  }
  await app.projector.catchUp();
  rebuilding?.stop();
  rebuilding = undefined;
  if (!config.requireAuth) announce(await firstStartAdminKey(config.dataDir, keys.length > 0, app.apiKeys), config, logger);
  logger.info(
    {
      eventsApplied: app.projector.eventsApplied,
      ms: Date.now() - started,
      eventStore: config.eventStoreUrl ? 'eventstoredb' : 'sqlite',
      dataDir: config.dataDir,
    },
    'read models are up to date',
  );
  app.transferExpiry.start((error) => logger.error({ err: error }, 'expiring overdue transfers failed'));
  app.attendanceFlagWatcher.start((error) => logger.error({ err: error }, 'recording attendance flag changes failed'));
  const server = await startServer(app, await buildOrgtrackSchema(), { port: config.port, host: config.host, logger, limits: config.limits });
  logger.info({ url: server.url }, `orgtrack is serving GraphQL at ${server.url}`);

  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

function announce(first: FirstStartKey, config: Config, logger: Logger): void {
  if (first === null) return;
  const url = `http://localhost:${config.port}/graphql`;
  if (first.created) {
    logger.info({ file: first.file }, 'first start: created an ADMIN key');
    process.stderr.write(
      [
        '',
        `First start: an ADMIN key was created and saved in ${first.file} (shown here once):`,
        `  ${first.key}`,
        `Use it as:  curl -H "Authorization: Bearer $(cat ${first.file})" -H 'content-type: application/json' -d '{"query":"{ units { totalCount } }"}' ${url}`,
        'Issue narrower keys with: npm run orgtrack -- tokens create --role ORGANIZER --unit <unitId> --name <name>',
        '',
      ].join('\n'),
    );
  } else {
    logger.info({ file: first.file }, `the first start's ADMIN key is in ${first.file}: send it as Authorization: Bearer <key>`);
  }
}

function throttled<A extends unknown[]>(intervalMs: number, action: (...args: A) => void): (...args: A) => void {
  let last = 0;
  return (...args) => {
    const now = Date.now();
    if (now - last >= intervalMs) {
      last = now;
      action(...args);
    }
  };
}
