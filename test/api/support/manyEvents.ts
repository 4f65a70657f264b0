import { randomUUID } from 'node:crypto';
import type { TestServer } from './testServer';

/**
 * Appends `count` MemberRegistered events straight to the event store, requested in one tick so
 * that they are written in one group commit, then waits until the read models include them: a
 * log of thousands of events in well under a second. `nameLength` pads each name, to make
 * events large (a few hundred of them then fill a socket's buffers).
 */
export async function appendManyRegistrations(server: TestServer, branchId: string, count: number, nameLength = 0): Promise<void> {
  const recordedAt = new Date().toISOString();
  await Promise.all(
    Array.from({ length: count }, (_, index) => {
      const memberId = randomUUID();
      return server.app.eventStore.append(
        `member-${memberId}`,
        [
          {
            id: randomUUID(),
            type: 'MemberRegistered',
            data: { memberId, name: `成员${index}`.padEnd(nameLength, '名'), branchId, groupId: null, status: 'APPLICANT', joinedOn: null },
            metadata: { effectiveDate: '2016-01-01', recordedAt, actor: 'test', schemaVersion: 1 },
          },
        ],
        'no_stream',
      );
    }),
  );
  await server.app.projector.catchUp();
}
