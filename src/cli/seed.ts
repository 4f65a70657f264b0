import type { Logger } from 'pino';
import type { Config } from '../app/config';

export interface SeedOptions {
  seed: number;
  members: number;
  years: number;
}

export async function seed(_config: Config, _logger: Logger, _options: SeedOptions): Promise<void> {
  throw new Error('seed is being written');
}
