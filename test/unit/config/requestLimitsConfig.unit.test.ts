import { ConfigError, loadConfig } from '../../../src/app/config';

describe('request limits configuration', () => {
  it('defaults: 1 MiB, cost 25,000, 50 aliases, depth 12, 50 directives, 2,000 tokens, no browser origin, introspection outside production', () => {
    expect(loadConfig({}).limits).toEqual({
      maxRequestBytes: 1024 * 1024,
      maxCost: 25_000,
      maxAliases: 50,
      maxDepth: 12,
      maxDirectives: 50,
      maxTokens: 2_000,
      introspection: true,
      allowedOrigins: [],
      operationsPerMinute: 1200,
      socketsPerToken: 20,
      subscriptionsPerSocket: 50,
      trustProxy: null,
    });
  });

  it('introspection is off when NODE_ENV=production, unless ORGTRACK_INTROSPECTION=true', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).limits.introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', ORGTRACK_INTROSPECTION: 'true' }).limits.introspection).toBe(true);
    expect(loadConfig({ ORGTRACK_INTROSPECTION: 'false' }).limits.introspection).toBe(false);
    expect(() => loadConfig({ ORGTRACK_INTROSPECTION: 'yes' })).toThrow('ORGTRACK_INTROSPECTION must be true or false, got "yes"');
  });

  it('reads each limit from its variable, refusing values out of range', () => {
    const limits = loadConfig({
      ORGTRACK_MAX_REQUEST_BYTES: '2048',
      ORGTRACK_MAX_QUERY_COST: '1000',
      ORGTRACK_MAX_ALIASES: '5',
      ORGTRACK_MAX_DEPTH: '8',
      ORGTRACK_MAX_DIRECTIVES: '3',
      ORGTRACK_MAX_TOKENS: '500',
    }).limits;
    expect(limits).toMatchObject({ maxRequestBytes: 2048, maxCost: 1000, maxAliases: 5, maxDepth: 8, maxDirectives: 3, maxTokens: 500 });
    expect(() => loadConfig({ ORGTRACK_MAX_DEPTH: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ ORGTRACK_MAX_REQUEST_BYTES: '1mb' })).toThrow(/ORGTRACK_MAX_REQUEST_BYTES must be an integer/);
  });

  it('ORGTRACK_ALLOWED_ORIGINS lists origins, normalized as browsers send them; anything else stops the start', () => {
    expect(loadConfig({ ORGTRACK_ALLOWED_ORIGINS: ' https://App.Example.org , http://localhost:5173/,https://x.org:443' }).limits.allowedOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
      'https://x.org',
    ]);
    for (const bad of ['app.example.org', 'https://app.example.org/path', 'ftp://x.org', '*']) {
      expect(() => loadConfig({ ORGTRACK_ALLOWED_ORIGINS: bad })).toThrow(
        `ORGTRACK_ALLOWED_ORIGINS must list origins such as https://app.example.org, got "${bad}"`,
      );
    }
  });
});
