import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, getOperationAST, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { Logger } from 'pino';
import type { RequestLimits } from '../app/config';
import type { OrgtrackApp } from '../app/orgtrackApp';
import type { Principal } from '../app/access/principal';
import { MISSING_TOKEN_MESSAGE, unauthenticated } from './shared/access/accessRefusals';
import { bearerTokenIn, callerOf } from './shared/access/bearerToken';
import { OpenConnections, TOKEN_ENDED_CLOSE_CODE } from './shared/access/openConnections';
import { createContext, type ApiContext, type Caller } from './shared/context';
import { formatError, isUnexpected } from './shared/errors';
import { AllowedOrigins } from './shared/limits/allowedOrigins';
import { apolloLimitOptions, operationLimitsPlugin } from './shared/limits/apolloLimits';
import { refuseLargeBodies } from './shared/limits/bodySize';
import { httpErrorHandler } from './shared/limits/httpErrors';
import { OperationLimits } from './shared/limits/operationLimits';
import { clientAddressOf } from './shared/limits/clientAddress';
import { RateLimits } from './shared/limits/rateLimits';
import { logSocketErrors } from './shared/limits/socketErrors';
import { serveProbes } from './shared/operations/probes';
import { ServiceMetrics } from './shared/operations/serviceMetrics';

export interface ServerOptions {
  port: number;
  host?: string;
  logger: Logger;
  /** How often open WebSocket connections have their token checked again; default 1,000 ms. */
  tokenRecheckMs?: number;
  limits: RequestLimits;
}

export interface RunningServer {
  /** `http://host:port/graphql` */
  url: string;
  port: number;
  /** Stops taking requests, drains HTTP and WebSocket connections. Does not close the app. */
  close(): Promise<void>;
}

/** Apollo Server 5 on express, with graphql-ws on the same HTTP server and path. */
export async function startServer(app: OrgtrackApp, schema: GraphQLSchema, options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const limits = new OperationLimits(schema, options.limits);
  const origins = new AllowedOrigins(options.limits.allowedOrigins, logger);
  const expressApp = express();
  expressApp.disable('x-powered-by');
  const httpServer = http.createServer(expressApp);
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: options.limits.maxRequestBytes,
    verifyClient: origins.verifyUpgrade,
  });
  const principals = new WeakMap<object, Principal>();
  const rateLimits = new RateLimits(options.limits.operationsPerMinute);
  const addressOf = clientAddressOf(options.limits.trustProxy);
  /** The caller a header proves; a token not verified before counts against its address's failed attempts until it succeeds. */
  const authenticate = async (authorization: unknown, address: string): Promise<Caller> => {
    const token = bearerTokenIn(authorization);
    const fresh = token !== null && !app.authenticator.remembers(token);
    if (fresh) await rateLimits.authenticationAttempt(address);
    const caller = await callerOf(app.authenticator, authorization);
    if (fresh) await rateLimits.authenticationSucceeded(address);
    return caller;
  };
  const connections = new OpenConnections(
    (principal) => app.authenticator.stillValid(principal),
    (error) => logger.error({ err: error }, 'checking the tokens of open WebSocket connections failed'),
  );
  connections.start(options.tokenRecheckMs ?? 1000);
  const metrics = new ServiceMetrics(app);
  const wsCleanup = useServer(
    {
      schema,
      onOperation(_ctx, _id, _payload, args) {
        metrics.webSocketOperation(getOperationAST(args.document, args.operationName) ?? undefined);
      },
      async onSubscribe(ctx, _id, payload) {
        if (Object.keys(ctx.subscriptions).length > options.limits.subscriptionsPerSocket) {
          return [tooManyOnOneSocket(options.limits.subscriptionsPerSocket)];
        }
        try {
          await rateLimits.operation(principals.get(ctx) ?? null, addressOf(ctx.extra.request));
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          throw error;
        }
        return limits.prepare(payload);
      },
      async onConnect(ctx) {
        const { socket } = ctx.extra;
        const address = addressOf(ctx.extra.request);
        try {
          const caller = await authenticate(ctx.connectionParams?.authorization, address);
          if (caller === null) {
            socket.close(TOKEN_ENDED_CLOSE_CODE, `Unauthorized: ${MISSING_TOKEN_MESSAGE}`.slice(0, 123));
            return false;
          }
          // The client may have gone while its token was checked: its close has already fired.
          if (socket.readyState !== socket.OPEN) return false;
          if (connections.countOf(caller) >= options.limits.socketsPerToken) {
            socket.close(
              TOO_MANY_SOCKETS_CLOSE_CODE,
              `Too many open connections for the token "${caller.name}" (at most ${options.limits.socketsPerToken})`.slice(0, 123),
            );
            return false;
          }
          principals.set(ctx, caller);
          connections.add(socket, caller);
          socket.once('close', () => connections.remove(socket));
          return true;
        } catch (error) {
          if (!(error instanceof GraphQLError)) throw error;
          const code = error.extensions.code === 'RATE_LIMITED' ? TOO_MANY_SOCKETS_CLOSE_CODE : TOKEN_ENDED_CLOSE_CODE;
          socket.close(code, `${code === TOKEN_ENDED_CLOSE_CODE ? 'Unauthorized' : 'Rate limited'}: ${error.message}`.slice(0, 123));
          return false;
        }
      },
      context: (ctx) => createContext(app, principals.get(ctx) ?? null, undefined),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: result.errors.map((error) => logged(logger, error)) } : undefined),
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => logged(logger, error)),
    },
    wsServer,
  );
  logSocketErrors(wsServer, logger);

  const apollo = new ApolloServer<ApiContext>({
    schema,
    ...apolloLimitOptions(limits),
    includeStacktraceInErrorResponses: false,
    // `orgtrack serve` handles SIGINT and SIGTERM: it drains, closes the app (which saves the
    // read models) and exits. Apollo's own handlers would re-send the signal once Apollo is
    // stopped, killing the process before the app is closed.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      if (isUnexpected(error)) logger.error({ err: error }, 'unexpected error in a GraphQL request');
      return formatError(formatted, error);
    },
    plugins: [
      // We send no cache hints; the plugin would otherwise wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin(limits),
      metrics.plugin(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return {
            async drainServer() {
              connections.stop();
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  serveProbes(expressApp, app, metrics);
  expressApp.get('/health', (_request, response) => {
    response.json({ status: 'ok', position: app.projector.position ?? null, eventsApplied: app.projector.eventsApplied });
  });
  expressApp.use(
    '/graphql',
    origins.httpGuard,
    refuseLargeBodies(options.limits.maxRequestBytes, logger),
    express.json({ limit: options.limits.maxRequestBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const address = addressOf(req);
        const caller = await authenticate(req.header('authorization'), address);
        if (caller === null) throw unauthenticated('TOKEN.MISSING', MISSING_TOKEN_MESSAGE);
        await rateLimits.operation(caller, address);
        return createContext(app, caller, req.header('x-min-position'));
      },
    }),
  );
  expressApp.use(httpErrorHandler(logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = !options.host || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `http://${shownHost}:${port}/graphql`,
    port,
    async close() {
      await apollo.stop();
      wsServer.close();
    },
  };
}

/** graphql-ws close code for a token over its number of open connections, or an address over its failed authentications. */
const TOO_MANY_SOCKETS_CLOSE_CODE = 4429;

function tooManyOnOneSocket(maximum: number): GraphQLError {
  return new GraphQLError(`At most ${maximum} operations may run at once on one connection; complete some or open another connection`, {
    extensions: { code: 'RATE_LIMITED', reason: 'RATE.SUBSCRIPTIONS_PER_SOCKET' },
  });
}

function logged(logger: Logger, error: GraphQLError): ReturnType<typeof formatError> {
  if (isUnexpected(error)) logger.error({ err: error }, 'unexpected error in a subscription');
  return formatError(error.toJSON(), error);
}
