import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { ROLES, type Role } from '../../domain/access/role';
import type { JwtConfig } from '../config';
import type { Principal } from './principal';
import { Unauthenticated } from './unauthenticated';

/** Verifies JWTs of an external identity provider (jose) and maps their claims to a role and a unit. */
export class JwtVerifier {
  private readonly key: JWTVerifyGetKey | Uint8Array;

  constructor(private readonly config: JwtConfig) {
    this.key = config.jwksUrl !== null ? createRemoteJWKSet(new URL(config.jwksUrl)) : new TextEncoder().encode(config.secret ?? '');
  }

  async verify(token: string): Promise<Principal> {
    const payload = await this.verified(token);
    const role = roleOf(payload[this.config.roleClaim], this.config.roleClaim);
    const unit = payload[this.config.unitClaim];
    const unitId = typeof unit === 'string' && unit.trim() !== '' ? unit.trim() : null;
    if (role !== 'ADMIN' && unitId === null) {
      throw new Unauthenticated('TOKEN.INVALID_JWT', `the JWT's claim "${this.config.unitClaim}" must name the unit a ${role} may reach`);
    }
    if (typeof payload.sub !== 'string' || payload.sub === '') throw new Unauthenticated('TOKEN.INVALID_JWT', 'the JWT has no "sub" claim');
    return {
      name: `jwt:${this.config.issuer}`,
      subject: payload.sub,
      role,
      unitId: role === 'ADMIN' ? null : unitId,
      expiresAt: typeof payload.exp === 'number' ? payload.exp * 1000 : null,
      source: 'jwt',
      keyId: null,
    };
  }

  private async verified(token: string): Promise<JWTPayload> {
    try {
      const options = { issuer: this.config.issuer, audience: this.config.audience, requiredClaims: ['exp', 'sub'] };
      const { payload } =
        this.key instanceof Uint8Array
          ? await jwtVerify(token, this.key, { ...options, algorithms: ['HS256', 'HS384', 'HS512'] })
          : await jwtVerify(token, this.key, options);
      return payload;
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new Unauthenticated('TOKEN.EXPIRED', 'the JWT has expired');
      if (error instanceof errors.JOSEError) throw new Unauthenticated('TOKEN.INVALID_JWT', `the JWT was refused: ${error.code}`);
      throw error;
    }
  }
}

function roleOf(claim: unknown, name: string): Role {
  const role = ROLES.find((candidate) => typeof claim === 'string' && candidate === claim.trim().toUpperCase());
  if (role === undefined) throw new Unauthenticated('TOKEN.INVALID_JWT', `the JWT's claim "${name}" must be one of ${ROLES.join(', ')}`);
  return role;
}
