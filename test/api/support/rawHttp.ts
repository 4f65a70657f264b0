import type { GraphQLResponse, TestServer } from './testServer';

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body as text, and parsed when it is JSON. */
  text: string;
  json: GraphQLResponse<Record<string, unknown>> | undefined;
}

/** POSTs a body exactly as given (no JSON encoding), for requests the test server must refuse. */
export async function postRaw(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Promise<RawResponse> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const json = (response.headers.get('content-type') ?? '').includes('application/json') ? (JSON.parse(text) as RawResponse['json']) : undefined;
  return { status: response.status, headers: response.headers, text, json };
}

/** POSTs one GraphQL operation as JSON, with the server's ADMIN key unless `headers` say otherwise. */
export function postOperation(
  server: Pick<TestServer, 'url' | 'adminKey'>,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return postRaw(server.url, JSON.stringify({ query, variables }), {
    'content-type': 'application/json',
    authorization: `Bearer ${server.adminKey}`,
    ...headers,
  });
}
