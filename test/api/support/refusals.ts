import { EventCountDocument } from '../generated/graphql';
import { firstError, type GraphQLResponse, type TestServer } from './testServer';

/** What a refused command must leave untouched: the head of the log and the events the API lists. */
export interface LogState {
  head: string | undefined;
  eventCount: number;
}

export async function logState(server: TestServer): Promise<LogState> {
  const head = await server.app.eventStore.headPosition();
  const { events } = await server.ok(EventCountDocument, {});
  return { head, eventCount: events.totalCount };
}

export interface ExpectedRefusal {
  /** `extensions.code`. */
  code: string;
  /** Text the message must contain: the field it is about, at least. */
  mentions: string | string[];
  /** `extensions.reason`, the domain code. */
  reason?: string;
  /** `extensions.field`. */
  field?: string;
}

/**
 * Sends a request that must be refused: checks the error's code, message, reason and field, that
 * no data came back, and that nothing was written (log head and listed events unchanged).
 */
export async function expectRefused<T>(server: TestServer, send: () => Promise<GraphQLResponse<T>>, expected: ExpectedRefusal): Promise<GraphQLResponse<T>> {
  const before = await logState(server);
  const result = await send();
  expect(result.errors?.length ?? 0).toBeGreaterThan(0);
  const error = firstError(result);
  expect({ code: error.code, message: error.message }).toEqual({ code: expected.code, message: expect.any(String) });
  for (const text of [expected.mentions].flat()) expect(error.message).toContain(text);
  if (expected.reason !== undefined) expect(result.errors![0].extensions?.reason).toBe(expected.reason);
  if (expected.field !== undefined) expect(error.field).toBe(expected.field);
  // No answer: either no data at all, or null for every root field asked for.
  for (const value of Object.values(result.data ?? {})) expect(value).toBeNull();
  expect(await logState(server)).toEqual(before);
  return result;
}

/** POSTs a query and returns the response body as text, exactly as a client receives it. */
export async function rawResponseText(
  server: TestServer,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminKey}`, ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text() };
}
