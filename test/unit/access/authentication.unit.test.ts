import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { ApiKeyDocument } from '../../../projections/access';
import { hashSecret, newApiKey, parseApiKey, secretMatches } from '../../../src/app/access/apiKeySecret';
import { requireAuthenticationSource } from '../../../src/app/access/authenticationSource';
import { Authenticator } from '../../../src/app/access/authenticator';
import { firstStartAdminKey } from '../../../src/app/access/firstStartAdminKey';
import { JwtVerifier } from '../../../src/app/access/jwtVerifier';
import type { ApiKeyCommands } from '../../../src/app/access/apiKeyCommands';
import { fixedClock } from '../../../src/app/clock';
import { ConfigError } from '../../../src/app/config';

const clock = fixedClock('2026-06-15T09:30:00Z', 'Asia/Shanghai');

function keyDocument(overrides: Partial<ApiKeyDocument> & { _id: string; secretHash: string }): ApiKeyDocument {
  return {
    name: 'k',
    role: 'ORGANIZER',
    unitId: 'b1',
    expiresAt: null,
    issuedAt: '2026-01-01T00:00:00Z',
    issuedBy: 'cli',
    revokedAt: null,
    position: '1',
    version: 0,
    ...overrides,
  };
}

describe('API key secrets', () => {
  it('a key is otk_<16 hex>_<43 characters>; its secret matches its own hash only, and the hash is salted', async () => {
    const key = await newApiKey();
    expect(key.key).toMatch(/^otk_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(parseApiKey(key.key)).toEqual({ keyId: key.keyId, secret: key.secret });
    expect(key.secretHash).not.toContain(key.secret);
    expect(await secretMatches(key.secret, key.secretHash)).toBe(true);
    expect(await secretMatches(`${key.secret.slice(0, -1)}x`, key.secretHash)).toBe(false);
    expect(await hashSecret(key.secret)).not.toBe(key.secretHash);
    expect(parseApiKey('otk_zz_nope')).toBeNull();
  });
});

describe('the authenticator', () => {
  it('verifies a key once, then trusts its record for a second: a revocation read after that refuses it', async () => {
    const key = await newApiKey();
    let document = keyDocument({ _id: key.keyId, secretHash: key.secretHash });
    const reads: string[] = [];
    const authenticator = new Authenticator({ byId: async (id) => (reads.push(id), id === key.keyId ? document : null) }, null, clock);
    expect(await authenticator.authenticate(key.key)).toMatchObject({ name: 'k', role: 'ORGANIZER', unitId: 'b1', subject: key.keyId, source: 'apiKey' });
    await authenticator.authenticate(key.key);
    expect(reads).toHaveLength(1);
    document = { ...document, revokedAt: '2026-06-15T09:31:00Z' };
    expect(
      await authenticator.stillValid({ name: 'k', subject: key.keyId, role: 'ORGANIZER', unitId: 'b1', expiresAt: null, source: 'apiKey', keyId: key.keyId }),
    ).toBe(false);
    jest.useFakeTimers({ now: Date.now() + 1500, doNotFake: ['setImmediate', 'nextTick'] });
    try {
      await expect(authenticator.authenticate(key.key)).rejects.toMatchObject({ reason: 'TOKEN.REVOKED' });
    } finally {
      jest.useRealTimers();
    }
  });

  it('a wrong secret for a known key id is refused, and remembered: it costs one slow hash, not one per retry', async () => {
    const key = await newApiKey();
    const wrong = `otk_${key.keyId}_${'A'.repeat(43)}`;
    const authenticator = new Authenticator({ byId: async () => keyDocument({ _id: key.keyId, secretHash: key.secretHash }) }, null, clock);
    await expect(authenticator.authenticate(wrong)).rejects.toMatchObject({ reason: 'TOKEN.UNKNOWN' });
    const started = process.hrtime.bigint();
    await expect(authenticator.authenticate(wrong)).rejects.toMatchObject({ reason: 'TOKEN.UNKNOWN' });
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });

  it('an expired key is refused; a token that is no key with no JWT issuer configured is malformed', async () => {
    const key = await newApiKey();
    const authenticator = new Authenticator(
      { byId: async () => keyDocument({ _id: key.keyId, secretHash: key.secretHash, expiresAt: '2026-06-01T00:00:00Z' }) },
      null,
      clock,
    );
    await expect(authenticator.authenticate(key.key)).rejects.toMatchObject({ reason: 'TOKEN.EXPIRED' });
    await expect(authenticator.authenticate('eyJhbGciOi.x.y')).rejects.toMatchObject({ reason: 'TOKEN.MALFORMED' });
  });
});

describe('JWTs from a JWKS URL', () => {
  it('verifies an RS256 token against the keys served by the issuer, mapping its claims', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    const server = http.createServer((_request, response) => response.end(JSON.stringify({ keys: [jwk] })));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
      const verifier = new JwtVerifier({
        issuer: 'https://idp.example',
        audience: 'orgtrack',
        jwksUrl: url,
        secret: null,
        roleClaim: 'role',
        unitClaim: 'unit',
      });
      const token = await new SignJWT({ role: 'analyst', unit: 'c1' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://idp.example')
        .setAudience('orgtrack')
        .setSubject('bob')
        .setExpirationTime('10m')
        .sign(privateKey);
      expect(await verifier.verify(token)).toMatchObject({ name: 'jwt:https://idp.example', subject: 'bob', role: 'ANALYST', unitId: 'c1', source: 'jwt' });
      const otherAudience = await new SignJWT({ role: 'ADMIN' })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer('https://idp.example')
        .setAudience('else')
        .setSubject('bob')
        .setExpirationTime('10m')
        .sign(privateKey);
      await expect(verifier.verify(otherAudience)).rejects.toMatchObject({ reason: 'TOKEN.INVALID_JWT' });
    } finally {
      server.close();
    }
  });
});

describe('starting with authentication', () => {
  it('the first start issues an ADMIN key into the data folder (owner-only), once; later starts point to it', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-first-'));
    const issued: string[] = [];
    const apiKeys: Pick<ApiKeyCommands, 'issue'> = {
      issue: async (input) => {
        issued.push(`${input.role}:${input.name}`);
        return { key: 'otk_key', keyId: 'k1', name: input.name, role: 'ADMIN', unitId: null, expiresAt: null, position: '1' };
      },
    };
    const first = await firstStartAdminKey(dataDir, false, apiKeys);
    expect(first).toMatchObject({ created: true, key: 'otk_key' });
    expect(fs.readFileSync(path.join(dataDir, 'admin-key'), 'utf8').trim()).toBe('otk_key');
    expect(fs.statSync(path.join(dataDir, 'admin-key')).mode & 0o077).toBe(0);
    expect(await firstStartAdminKey(dataDir, true, apiKeys)).toMatchObject({ created: false });
    expect(issued).toEqual(['ADMIN:admin']);
    const operated = fs.mkdtempSync(path.join(os.tmpdir(), 'orgtrack-keys-'));
    expect(await firstStartAdminKey(operated, true, apiKeys)).toBeNull();
  });

  it('where authentication is required, a start with neither a live key nor a JWT issuer is refused with one line', () => {
    const live = keyDocument({ _id: 'k1', secretHash: 'x' });
    const revoked = { ...live, revokedAt: '2026-01-02T00:00:00Z' };
    const now = Date.parse('2026-06-15T00:00:00Z');
    expect(() => requireAuthenticationSource({ requireAuth: true, jwt: null }, [revoked], now)).toThrow(ConfigError);
    expect(() => requireAuthenticationSource({ requireAuth: true, jwt: null }, [revoked], now)).toThrow(/^authentication is required[^\n]*$/);
    expect(() => requireAuthenticationSource({ requireAuth: true, jwt: null }, [live], now)).not.toThrow();
    expect(() => requireAuthenticationSource({ requireAuth: false, jwt: null }, [], now)).not.toThrow();
  });
});
