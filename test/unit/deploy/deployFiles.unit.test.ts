import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/**
 * The production shape as files: docker-compose.yml must be valid to Compose (Debian's
 * docker-compose validates it without an engine; scripts/ensure-tools.sh installs it before
 * `npm test`) and scale behind its proxy; the Dockerfile must pass a linter and run unprivileged.
 */
const root = path.resolve(__dirname, '../../..');
const run = (command: string, args: string[]): string => execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

type Service = { image?: string; ports?: unknown[]; expose?: unknown[]; restart?: string; healthcheck?: { test: string[] }; build?: unknown; user?: string };

describe('docker-compose.yml and the Dockerfile', () => {
  const config = parse(run('docker-compose', ['-f', 'docker-compose.yml', 'config'])) as { services: Record<string, Service> };
  const { services } = config;

  it('is valid Compose, with the servers pinned to patch releases', () => {
    expect(Object.keys(services).sort()).toEqual(['eventstore', 'mongo', 'orgtrack', 'proxy']);
    for (const name of ['eventstore', 'mongo', 'proxy']) expect(services[name].image).toMatch(/:\d+\.\d+(\.\d+)?(-[a-z]+)?$/);
    expect(services.eventstore.image).toMatch(/:\d+\.\d+\.\d+$/);
  });

  it('scales orgtrack behind the proxy: no fixed host port, a readiness health check, a restart policy', () => {
    const orgtrack = services.orgtrack;
    expect(orgtrack.ports).toBeUndefined();
    expect(orgtrack.healthcheck?.test.join(' ')).toContain('/readyz');
    expect(orgtrack.restart).toBe('unless-stopped');
    expect(services.proxy.ports).toBeDefined();
    for (const name of Object.keys(services)) expect(services[name].restart).toBe('unless-stopped');
  });

  it('the Dockerfile passes dockerfilelint and runs as an unprivileged user', () => {
    const lint = JSON.parse(run(path.join(root, 'node_modules/.bin/dockerfilelint'), ['-j', 'Dockerfile'])) as {
      files: { issues_count: number; issues: unknown[] }[];
    };
    expect(lint.files.map((file) => file.issues)).toEqual([[]]);
    const dockerfile = fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8');
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/\nUSER node\n/);
    expect(lastStage).toMatch(/HEALTHCHECK[\s\S]*\/readyz/);
  });
});
