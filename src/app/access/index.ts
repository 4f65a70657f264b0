import { apiKeyAggregate } from '../../domain/access/apiKey.aggregate';
import { appFeature } from '../appFeature';
import { ApiKeyCommands } from './apiKeyCommands';
import { ApiKeyQueries } from './apiKeyQueries';
import { Authenticator } from './authenticator';
import { JwtVerifier } from './jwtVerifier';
import { ScopeMembership } from './scopeMembership';
import type { MemberQueries } from '../members/memberQueries';
import type { UnitQueries } from '../units/unitQueries';

/** Who may call: API keys issued and revoked as events, JWTs of a configured identity provider. */
export const accessFeature = appFeature({
  queries: ({ readStore }, _needs: { unitQueries: UnitQueries; memberQueries: MemberQueries }) => ({ apiKeyQueries: new ApiKeyQueries(readStore) }),
  commands: ({ config, clock, commandPaths, unitStreamFacts, readModels }, { apiKeyQueries, unitQueries, memberQueries }) => ({
    /** Whether units and members lie in a caller's subtree, on the live read models (mutations' scope). */
    scopeMembership: new ScopeMembership(unitQueries, memberQueries, readModels),
    apiKeys: new ApiKeyCommands(commandPaths.of(apiKeyAggregate), unitStreamFacts, clock),
    authenticator: new Authenticator(apiKeyQueries, config.jwt === null ? null : new JwtVerifier(config.jwt), clock),
  }),
});
