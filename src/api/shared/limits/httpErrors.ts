import type { ErrorRequestHandler, Response } from 'express';
import type { Logger } from 'pino';

/** Answers an HTTP-level refusal in the shape of a GraphQL error response. */
export function sendHttpError(response: Response, status: number, code: string, message: string): void {
  response.status(status).json({ errors: [{ message, extensions: { code } }] });
}

interface BodyParserError {
  /** body-parser's (http-errors') kind of failure, e.g. `entity.too.large`. */
  type?: unknown;
  status?: unknown;
  limit?: unknown;
  charset?: unknown;
  encoding?: unknown;
}

/** What the client is told about an error that stopped a request before GraphQL: status, code, message. */
function describe(error: BodyParserError): { status: number; code: string; message: string } {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The body is not a JSON object: send { "query": ..., "variables": ..., "operationName": ... }' };
    case 'entity.too.large':
    case 'parameters.too.many':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${String(error.limit)} bytes` };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Send the body as UTF-8 JSON, not ${String(error.charset)}` };
    case 'encoding.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Content-Encoding ${String(error.encoding)} is not supported` };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'The body was incomplete' };
  }
  if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
    return { status: error.status, code: 'BAD_REQUEST', message: 'The request could not be read' };
  }
  return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * The last express middleware: errors raised before GraphQL (the JSON body parser's, mostly)
 * answer as JSON with their status, without a stack trace, and are logged through pino (express
 * would answer an HTML page and print the stack to stderr).
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, request, response, next) => {
    if (response.headersSent) return next(error);
    const described = describe(typeof error === 'object' && error !== null ? error : {});
    if (described.status >= 500) logger.error({ err: error, path: request.path }, 'unexpected error in an HTTP request');
    else
      logger.warn(
        { status: described.status, code: described.code, path: request.path, reason: error instanceof Error ? error.message : undefined },
        'HTTP request refused',
      );
    sendHttpError(response, described.status, described.code, described.message);
  };
}
