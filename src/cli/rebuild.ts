import type { Logger } from 'pino';
import type { Config } from '../app/config';
import { openEventStore, openReadStore } from '../app/orgtrackApp';
import { Projector } from '../app/projector/projector';
import { allProjections } from '../../projections';

/**
 * `orgtrack rebuild`: replays the whole log into fresh read models and swaps them in. Needed for
 * a MongoDB read store after a projection changed (the embedded one is rebuilt at every start).
 * A running server keeps answering from the old read models until the swap.
 */
export async function rebuild(config: Config, logger: Logger): Promise<void> {
  const events = await openEventStore(config);
  const readStore = await openReadStore(config);
  const projector = new Projector(events, readStore, allProjections);
  try {
    const started = process.hrtime.bigint();
    await projector.start();
    await projector.rebuildAll();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    logger.info({ position: projector.position, seconds: Number(seconds.toFixed(1)) }, `read models rebuilt from the log in ${seconds.toFixed(1)} s`);
  } finally {
    await projector.stop();
    await events.close();
    await readStore.close();
  }
}
