// Participant tokens: ES384 JWTs signed with one key per World. The key is part of the snapshot, so tokens
// handed out before a restart still join after it.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, type JsonWebKey } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { Capability } from './records.ts';

export type TokenClaims = {
  participantId: string;
  stageArn: string;
  stageId: string;
  userId: string;
  attributes: Record<string, string>;
  capabilities: Capability[];
  issuedAt: number;
  expiresAt: number;
};

export type TokenSnapshot = { kid: string; privateJwk: JsonWebKey };

export class TokenError extends Error {
  readonly reason: 'forged' | 'expired' | 'malformed';
  constructor(reason: 'forged' | 'expired' | 'malformed', message: string) {
    super(message);
    this.reason = reason;
  }
}

// AWS is silent on where its own tokens point; these are the public hosts the service's endpoints use.
const EVENTS_URL = 'wss://global.events.live-video.net';
const whipUrl = (endpointHost: string) => `https://${endpointHost}.global-bm.whip.live-video.net`;

/** Tokens whose claims are remembered after signing, so a join need not redo the ES384 check (≈1 ms each). */
const REMEMBERED_TOKENS = 50_000;

export class TokenSigner {
  private readonly remembered = new Map<string, TokenClaims>();
  private privateKey: KeyObject;
  private publicKey: KeyObject;
  private kid: string;

  constructor(kid: string) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'secp384r1' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
    this.kid = kid;
  }

  /** The participant id travels as `jti`, as in tokens that customers sign themselves. */
  async sign(c: TokenClaims, endpointHost: string): Promise<string> {
    const token = await new SignJWT({
      resource: c.stageArn,
      topic: c.stageId,
      events_url: EVENTS_URL,
      whip_url: whipUrl(endpointHost),
      user_id: c.userId,
      attributes: c.attributes,
      capabilities: { allow_publish: c.capabilities.includes('PUBLISH'), allow_subscribe: c.capabilities.includes('SUBSCRIBE') },
      version: '1.0',
    })
      .setProtectedHeader({ alg: 'ES384', typ: 'JWT', kid: this.kid })
      .setIssuedAt(Math.floor(c.issuedAt / 1000))
      .setExpirationTime(Math.floor(c.expiresAt / 1000))
      .setJti(c.participantId)
      .sign(this.privateKey);
    this.remembered.set(token, { ...c, issuedAt: Math.floor(c.issuedAt / 1000) * 1000, expiresAt: Math.floor(c.expiresAt / 1000) * 1000 });
    if (this.remembered.size > REMEMBERED_TOKENS) this.remembered.delete(this.remembered.keys().next().value ?? '');
    return token;
  }

  /** The claims of a token this World signed; throws TokenError for a forged, expired or malformed one. */
  async verify(token: string, now: number): Promise<TokenClaims> {
    const known = this.remembered.get(token);
    if (known) {
      // The same bytes this signer produced: only the expiry is left to check (as jose does, in whole seconds).
      if (Math.floor(now / 1000) >= known.expiresAt / 1000) throw new TokenError('expired', 'The participant token has expired.');
      return { ...known, attributes: { ...known.attributes }, capabilities: [...known.capabilities] };
    }
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, { algorithms: ['ES384'], currentDate: new Date(now) }));
    } catch (e) {
      if (e instanceof errors.JWTExpired) throw new TokenError('expired', 'The participant token has expired.');
      if (e instanceof errors.JWSSignatureVerificationFailed) throw new TokenError('forged', 'The participant token was not signed by this emulator.');
      throw new TokenError('malformed', 'The participant token is not a valid token of this emulator.');
    }
    const caps = payload.capabilities as { allow_publish?: unknown; allow_subscribe?: unknown } | undefined;
    if (typeof payload.resource !== 'string' || typeof payload.jti !== 'string' || typeof payload.exp !== 'number') {
      throw new TokenError('malformed', 'The participant token lacks the stage or participant it is for.');
    }
    const capabilities: Capability[] = [];
    if (caps?.allow_publish === true) capabilities.push('PUBLISH');
    if (caps?.allow_subscribe === true) capabilities.push('SUBSCRIBE');
    return {
      participantId: payload.jti,
      stageArn: payload.resource,
      stageId: typeof payload.topic === 'string' ? payload.topic : '',
      userId: typeof payload.user_id === 'string' ? payload.user_id : '',
      attributes: (payload.attributes as Record<string, string> | undefined) ?? {},
      capabilities,
      issuedAt: typeof payload.iat === 'number' ? payload.iat * 1000 : 0,
      expiresAt: payload.exp * 1000,
    };
  }

  snapshot(): TokenSnapshot {
    return { kid: this.kid, privateJwk: this.privateKey.export({ format: 'jwk' }) };
  }

  restore(s: TokenSnapshot): void {
    this.privateKey = createPrivateKey({ key: s.privateJwk, format: 'jwk' });
    this.publicKey = createPublicKey(this.privateKey);
    this.kid = s.kid;
    this.remembered.clear();
  }
}
