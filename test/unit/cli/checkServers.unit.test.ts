import net from 'node:net';
import { checkServers, ServersUnreachable } from '../../../src/cli/checkServers';

/** A port on 127.0.0.1 that nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('orgtrack check-servers (the first step of npm run test:production)', () => {
  it('fails, naming both variables, when the URLs are not set', async () => {
    const checked = checkServers({ eventStoreUrl: undefined, mongoUrl: '' });
    await expect(checked).rejects.toBeInstanceOf(ServersUnreachable);
    await expect(checked).rejects.toThrow(/EVENTSTORE_URL is not set.*MONGODB_URL is not set/);
  });

  it('fails within its timeout, naming each server, when the URLs are set but nothing answers', async () => {
    const port = await closedPort();
    const started = Date.now();
    const checked = checkServers({ eventStoreUrl: `esdb://127.0.0.1:${port}?tls=false`, mongoUrl: `mongodb://127.0.0.1:${port}/orgtrack` }, 1_000);
    await expect(checked).rejects.toThrow(new RegExp(`EventStoreDB at esdb://127.0.0.1:${port}\\?tls=false does not answer`));
    await expect(checked).rejects.toThrow(new RegExp(`MongoDB at mongodb://127.0.0.1:${port}/orgtrack`));
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
