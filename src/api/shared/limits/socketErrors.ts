import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';

/**
 * When a client breaks the protocol (a message over maxPayload, invalid UTF-8), ws closes the
 * socket itself (1009, 1007) and then emits 'error', which graphql-ws prints with its stack to
 * stderr. Call after graphql-ws's useServer: its listener is replaced by a pino warning.
 */
export function logSocketErrors(wsServer: WebSocketServer, logger: Logger): void {
  wsServer.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error: Error & { code?: string }) => logger.warn({ code: error.code, reason: error.message }, 'WebSocket message refused'));
  });
}
