import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { sendHttpError } from './httpErrors';

/**
 * A body whose Content-Length is over the limit is refused at once with 413; the JSON parser
 * would first read it all (it refuses chunked bodies over the limit as they arrive). Node reads
 * and drops the rest of the body after the response, keeping the connection usable.
 */
export function refuseLargeBodies(maxBytes: number, logger: Logger): RequestHandler {
  return (request, response, next) => {
    const length = Number(request.headers['content-length']);
    if (!(length > maxBytes)) return next();
    logger.warn({ status: 413, length, maximum: maxBytes, path: request.path }, 'HTTP request refused: body too large');
    sendHttpError(response, 413, 'PAYLOAD_TOO_LARGE', `The body is larger than ${maxBytes} bytes`);
  };
}
