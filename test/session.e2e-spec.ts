import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request, { type Response } from 'supertest';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CONSOLE_HEADER = { 'x-alert-hub-console': '1' };

/** Requests that carry only the cookies a test gives (the apps' agents keep what they are set). */
const client = (app: TestApp) => request(app.app.getHttpServer());

/** The `name=value` of the session cookie a sign-in answer set. */
function sessionCookieOf(response: Response): string {
  const setCookie = [response.headers['set-cookie'] ?? []].flat().join('\n');
  const match = /alert_hub_session=([^;]+)/.exec(setCookie);
  if (!match) throw new Error(`no session cookie in ${setCookie}`);
  return `alert_hub_session=${match[1]}`;
}

/**
 * The console's sessions over the real API: the admin token exchanged for a cookie that two
 * server processes sharing a database both accept, guarded against requests from other sites.
 */
describe('console sessions', () => {
  const adminToken = randomBytes(24).toString('hex');
  let database: TestDatabase;
  let first: TestApp;
  let second: TestApp;

  const signIn = (app: TestApp, headers: Record<string, string> = CONSOLE_HEADER) =>
    client(app).post('/api/v1/session').set(headers).send({ token: adminToken });
  const withToken = (app: TestApp) => ({
    get: (url: string) => client(app).get(url).set('authorization', `Bearer ${adminToken}`),
  });

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two processes of one installation: one database, one admin token.
    first = await startTestApp({ database, env: { ADMIN_TOKEN: adminToken } });
    second = await startTestApp({ database, env: { ADMIN_TOKEN: adminToken } });
  }, 60_000);

  afterAll(async () => {
    await first?.close();
    await second?.close();
    await database?.drop();
  });

  it('are opened with the admin token only, and only by a request that says it is the console', async () => {
    const wrong = await first.http
      .post('/api/v1/session')
      .set(CONSOLE_HEADER)
      .send({ token: `${adminToken}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();

    const unmarked = await signIn(first, {});
    expect(unmarked.status).toBe(403);
    expect(unmarked.body.error.code).toBe('CrossSiteRequest');
    expect(unmarked.headers['set-cookie']).toBeUndefined();
  });

  it('set an HttpOnly, SameSite=Strict cookie for 12 hours, Secure when reached over HTTPS', async () => {
    const plain = await signIn(first);
    expect(plain.status).toBe(201);
    const attributes = String(plain.headers['set-cookie']).split('; ');
    expect(attributes).toEqual(
      expect.arrayContaining(['Path=/', 'Max-Age=43200', 'HttpOnly', 'SameSite=Strict']),
    );
    expect(attributes).not.toContain('Secure');
    const hoursLeft = (Date.parse(plain.body.data.expiresAt) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(11.9);
    expect(hoursLeft).toBeLessThanOrEqual(12);

    const proxied = await signIn(first, { ...CONSOLE_HEADER, 'x-forwarded-proto': 'https' });
    expect(String(proxied.headers['set-cookie']).split('; ')).toContain('Secure');
  });

  it('admit admin requests in place of the token; a change also needs the console header', async () => {
    const cookie = sessionCookieOf(await signIn(first));
    expect((await client(first).get('/api/v1/channels').set('cookie', cookie)).status).toBe(200);
    const session = await client(first).get('/api/v1/session').set('cookie', cookie);
    expect(session.body.data.expiresAt).toEqual(expect.any(String));
    expect((await withToken(first).get('/api/v1/session')).body.data).toEqual({ expiresAt: null });

    const forged = await first.http
      .post('/api/v1/channels')
      .set('cookie', cookie)
      .send({ name: 'forged' });
    expect(forged.status).toBe(403);
    expect(forged.body.error.code).toBe('CrossSiteRequest');
    const created = await first.http
      .post('/api/v1/channels')
      .set('cookie', cookie)
      .set(CONSOLE_HEADER)
      .send({ name: 'from the console' });
    expect(created.status).toBe(201);
    const names = (await withToken(first).get('/api/v1/channels')).body.data.map(
      (channel: { name: string }) => channel.name,
    );
    expect(names).toEqual(['from the console']);

    // A wrong token is refused even next to a good cookie: the caller said who it is.
    const mixed = await first.http
      .get('/api/v1/channels')
      .set('cookie', cookie)
      .set('authorization', 'Bearer not-the-admin-token');
    expect(mixed.status).toBe(401);
  });

  it('are known to every server on the database (two apps sharing nothing else), and end everywhere at sign-out', async () => {
    const cookie = sessionCookieOf(await signIn(first));
    expect((await client(second).get('/api/v1/channels').set('cookie', cookie)).status).toBe(200);

    const signedOut = await second.http
      .delete('/api/v1/session')
      .set('cookie', cookie)
      .set(CONSOLE_HEADER);
    expect(signedOut.status).toBe(204);
    expect(String(signedOut.headers['set-cookie'])).toMatch(/^alert_hub_session=; .*Max-Age=0/);
    for (const app of [first, second]) {
      const refused = await client(app).get('/api/v1/channels').set('cookie', cookie);
      expect(refused.status).toBe(401);
      expect(refused.body.error.message).toContain('sign in again');
    }
  });

  it('end when the admin token changes, and a made-up cookie is no session', async () => {
    const cookie = sessionCookieOf(await signIn(first));
    const renewed = await startTestApp({
      database,
      env: { ADMIN_TOKEN: randomBytes(24).toString('hex') },
    });
    try {
      expect((await client(renewed).get('/api/v1/channels').set('cookie', cookie)).status).toBe(
        401,
      );
    } finally {
      await renewed.close();
    }
    const madeUp = `alert_hub_session=${randomBytes(32).toString('base64url')}`;
    expect((await client(first).get('/api/v1/channels').set('cookie', madeUp)).status).toBe(401);
  });

  it('do not need the console header to sign out when there is no session', async () => {
    expect((await client(first).delete('/api/v1/session')).status).toBe(204);
    const cookie = sessionCookieOf(await signIn(first));
    const unmarked = await client(first).delete('/api/v1/session').set('cookie', cookie);
    expect(unmarked.status).toBe(403);
    expect((await client(first).get('/api/v1/session').set('cookie', cookie)).status).toBe(200);
  });

  it('are refused for a while (429 TooManyAttempts, Retry-After) to an address that guessed wrong five times in a minute, even with the right token', async () => {
    // A process of its own: the count is kept in memory per process, and this one uses it up.
    const guarded = await startTestApp({ database, env: { ADMIN_TOKEN: adminToken } });
    try {
      const guess = () =>
        guarded.http.post('/api/v1/session').set(CONSOLE_HEADER).send({ token: 'a-wrong-guess' });
      for (let attempt = 1; attempt <= 5; attempt += 1) expect((await guess()).status).toBe(401);

      const refused = await guess();
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('TooManyAttempts');
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);

      const right = await signIn(guarded);
      expect(right.status).toBe(429);
      expect(right.headers['set-cookie']).toBeUndefined();
      // The bearer token, which scripts use, is not what is limited.
      expect((await withToken(guarded).get('/api/v1/channels')).status).toBe(200);
      // Another process sharing the database keeps its own count.
      expect((await signIn(first)).status).toBe(201);
    } finally {
      await guarded.close();
    }
  });
});
