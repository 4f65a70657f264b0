import { API_KEYS } from '../../../projections/access';
import type { TestServer } from './testServer';

/**
 * Counts what only running an operation does: every resolver reads through the read store's
 * collections, and a `knownAt` view is replayed through `knownAt.at`. A refusal "before any
 * resolver" leaves both at zero. Reads of the API keys are authentication (a request's token, the
 * periodic re-check of open sockets), not resolvers, and are not counted.
 */
export interface ResolverProbe {
  calls(): number;
  restore(): void;
}

export function probeResolvers(server: TestServer): ResolverProbe {
  const reads = jest.spyOn(server.app.readStore, 'collection');
  const replays = jest.spyOn(server.app.knownAt, 'at');
  return {
    calls: () => reads.mock.calls.filter(([name]) => name !== API_KEYS).length + replays.mock.calls.length,
    restore: () => {
      reads.mockRestore();
      replays.mockRestore();
    },
  };
}
