import { createHmac } from 'node:crypto';
import { exportJWK, exportSPKI, generateKeyPair, CryptoKey, SignJWT } from 'jose';
import { TokenVerifier } from './token-verifier';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'legal-services';

function b64url(value: object | string): string {
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
}

describe('TokenVerifier', () => {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  let verifier: TokenVerifier;
  const kid = 'k1';

  const claims = (over: Record<string, unknown> = {}): Record<string, unknown> => {
    const now = Math.floor(Date.now() / 1000);
    return {
      iss: ISSUER,
      aud: AUDIENCE,
      sub: 'u1',
      iat: now,
      exp: now + 600,
      jti: 'j1',
      roles: ['admin'],
      token_use: 'access',
      ...over,
    };
  };
  const sign = (
    payload: Record<string, unknown>,
    key: CryptoKey = privateKey,
    header: Record<string, unknown> = {},
  ): Promise<string> =>
    new SignJWT(payload)
      .setProtectedHeader({ alg: 'ES256', kid, typ: 'at+jwt', ...header } as { alg: string })
      .sign(key);

  beforeAll(async () => {
    ({ privateKey, publicKey } = await generateKeyPair('ES256'));
    const jwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
    verifier = new TokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: 'http://unused.invalid/jwks',
      jwksJson: JSON.stringify({ keys: [jwk] }),
    });
  });

  it('accepts a well-formed ES256 token and maps its claims', async () => {
    const user = await verifier.verify(
      await sign(claims({ org: 'o1', region: '370102', phone_number: '13800000000', client_id: 'c1' })),
    );
    expect(user).toEqual({
      subject: 'u1',
      roles: ['admin'],
      organisationId: 'o1',
      regionCode: '370102',
      phone: '13800000000',
      clientId: 'c1',
      tokenId: 'j1',
    });
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(verifier.verify(await sign(claims({ iat: now - 1200, exp: now - 600 })))).rejects.toThrow();
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [h, , s] = (await sign(claims())).split('.');
    const forged = `${h}.${b64url(claims({ roles: ['admin', 'supervisor'], sub: 'someone-else' }))}.${s}`;
    await expect(verifier.verify(forged)).rejects.toThrow();
  });

  it('refuses a token whose signature was altered', async () => {
    const token = await sign(claims());
    const last = token.at(-2) === 'A' ? 'B' : 'A';
    await expect(verifier.verify(`${token.slice(0, -2)}${last}${token.at(-1)}`)).rejects.toThrow();
  });

  it('verifies as of a given instant (a token carried in an event must have been valid when the event was sent)', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await sign(claims({ iat: now - 3600, exp: now - 3000 }));
    await expect(verifier.verify(token)).rejects.toThrow();
    await expect(verifier.verify(token, { at: new Date((now - 3300) * 1000) })).resolves.toMatchObject({
      subject: 'u1',
    });
    await expect(verifier.verify(token, { at: new Date((now - 2900) * 1000) })).rejects.toThrow();
    await expect(verifier.verify(token, { at: new Date((now - 4000) * 1000) })).rejects.toThrow();
  });

  it('refuses an unsigned token (alg none)', async () => {
    const token = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims())}.`;
    await expect(verifier.verify(token)).rejects.toThrow(/algorithm none/);
  });

  it('refuses an HS256 token signed with the public key as HMAC secret (key confusion)', async () => {
    const pem = await exportSPKI(publicKey);
    const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid })}.${b64url(claims())}`;
    const signature = createHmac('sha256', pem).update(input).digest('base64url');
    await expect(verifier.verify(`${input}.${signature}`)).rejects.toThrow(/algorithm HS256/);
  });

  it('refuses a token signed by a key the issuer never published', async () => {
    const stranger = await generateKeyPair('ES256');
    await expect(verifier.verify(await sign(claims(), stranger.privateKey))).rejects.toThrow();
  });

  it('refuses another issuer, another audience and a refresh-type token', async () => {
    await expect(verifier.verify(await sign(claims({ iss: 'https://evil.example' })))).rejects.toThrow();
    await expect(verifier.verify(await sign(claims({ aud: 'another-system' })))).rejects.toThrow();
    await expect(verifier.verify(await sign(claims({ token_use: 'refresh' })))).rejects.toThrow(/not an access token/);
  });

  it('refuses a token without a subject or without an expiry', async () => {
    const { sub: _sub, ...noSub } = claims();
    const { exp: _exp, ...noExp } = claims();
    await expect(verifier.verify(await sign(noSub))).rejects.toThrow();
    await expect(verifier.verify(await sign(noExp))).rejects.toThrow();
  });

  it('refuses garbage', async () => {
    for (const junk of ['', 'a.b', 'not-a-token', 'a.b.c', `${b64url('x')}.${b64url('y')}.z`]) {
      await expect(verifier.verify(junk)).rejects.toThrow();
    }
  });

  it('verifies with trusted local keys first and falls back to the JWKS for other kids', async () => {
    const own = await generateKeyPair('ES256');
    const local = new TokenVerifier({
      issuer: ISSUER,
      audience: AUDIENCE,
      jwksUrl: 'http://unused.invalid/jwks',
      jwksJson: JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256' }] }),
    });
    local.trustLocalKeys(async (header) => (header.kid === 'own' ? own.publicKey : undefined));
    await expect(local.verify(await sign(claims(), own.privateKey, { kid: 'own' }))).resolves.toMatchObject({
      subject: 'u1',
    });
    await expect(local.verify(await sign(claims()))).resolves.toMatchObject({ subject: 'u1' });
  });
});
