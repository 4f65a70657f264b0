import { apiKeyAggregate } from '../../domain/access/apiKey.aggregate';
import { appFeature } from '../appFeature';
import { ApiKeyCommands } from './apiKeyCommands';
import { ApiKeyQueries } from './apiKeyQueries';
import { Authenticator } from './authenticator';
import { JwtVerifier } from './jwtVerifier';

/** Who may call: API keys issued and revoked as events, JWTs of a configured identity provider. */
export const accessFeature = appFeature({
  queries: ({ readStore }) => ({ apiKeyQueries: new ApiKeyQueries(readStore) }),
  commands: ({ config, clock, commandPaths, unitStreamFacts }, { apiKeyQueries }) => ({
    apiKeys: new ApiKeyCommands(commandPaths.of(apiKeyAggregate), unitStreamFacts, clock),
    authenticator: new Authenticator(apiKeyQueries, config.jwt === null ? null : new JwtVerifier(config.jwt), clock),
  }),
});
