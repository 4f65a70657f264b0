import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { VerifyClientCallbackAsync } from 'ws';
import { sendHttpError } from './httpErrors';

/**
 * Browsers name the page that opened a WebSocket or sent a request in `Origin`; only the listed
 * origins may use the API from a browser (a same-origin exemption would let DNS rebinding in).
 * Without an Origin header (curl, servers, graphql-ws in Node) nothing changes: such clients can
 * send any header, and the Origin check is what stops a page on another site from riding a user's
 * access.
 */
export class AllowedOrigins {
  private readonly origins: ReadonlySet<string>;

  constructor(
    origins: readonly string[],
    private readonly logger: Logger,
  ) {
    this.origins = new Set(origins);
  }

  allows(request: IncomingMessage): boolean {
    const origin = request.headers.origin;
    return origin === undefined || this.origins.has(origin.toLowerCase());
  }

  /** For the WebSocketServer: refuses the upgrade with HTTP 403. */
  readonly verifyUpgrade: VerifyClientCallbackAsync = ({ req }, done) => {
    if (this.allows(req)) return done(true);
    this.logger.warn({ origin: req.headers.origin }, 'WebSocket upgrade refused: origin not allowed');
    done(false, 403, 'Origin not allowed');
  };

  /** For HTTP: a browser's request from another origin answers 403 FORBIDDEN before Apollo sees it. */
  readonly httpGuard: RequestHandler = (request, response, next) => {
    if (this.allows(request)) return next();
    this.logger.warn({ origin: request.headers.origin, method: request.method }, 'HTTP request refused: origin not allowed');
    sendHttpError(response, 403, 'FORBIDDEN', `Requests from ${request.headers.origin} are not allowed (ORGTRACK_ALLOWED_ORIGINS)`);
  };
}
