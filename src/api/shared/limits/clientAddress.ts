import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * The address a request came from, for the per-address budgets: the socket's peer, or, behind
 * proxies the operator trusts (ORGTRACK_TRUST_PROXY: `loopback`, a CIDR list, …), the client
 * they name in X-Forwarded-For. Without trust the header is ignored: anyone can send it.
 */
export function clientAddressOf(trustProxy: string | null): (request: IncomingMessage) => string {
  if (trustProxy === null) return (request) => request.socket.remoteAddress ?? 'unknown';
  const trust = proxyAddr.compile(trustProxy.split(',').map((entry) => entry.trim()));
  return (request) => proxyAddr(request, trust);
}
