import { describe, expect, it } from '@jest/globals';
import { appWithIntegration } from './support/app-with-integration.js';
import { createSharedIntegration } from './support/admin-fixtures.js';

/** What an `integer` column holds on PostgreSQL: a larger number must be refused, not sent. */
const INTEGER_MAX = 2 ** 31 - 1;
const TOO_LARGE = ['2147483648', '9007199254740993', '99999999999999999999999'];

describe('numbers out of range', () => {
  const suite = appWithIntegration();

  async function expectInvalid(request: Promise<{ status: number; body: unknown }>, field: string) {
    const { status, body } = await request;
    const error = (body as { error: { code: string; details?: string[] } }).error;
    expect({ status, code: error.code }).toEqual({ status: 400, code: 'InvalidParameter' });
    expect(error.details?.join('; ')).toContain(field);
  }

  it('refuses a routes version beyond its column with 400 naming it, and changes nothing', async () => {
    const shared = await createSharedIntegration(suite.t);
    const url = `/api/v1/integrations/${shared.id}/routes`;
    for (const version of [INTEGER_MAX + 1, 2 ** 53, 1e300]) {
      await expectInvalid(suite.t.admin.put(url).send({ version, rules: [] }), 'version');
    }
    const atMost = await suite.t.admin.put(url).send({ version: INTEGER_MAX, rules: [] });
    expect(atMost.status).toBe(409);
    expect((await suite.t.admin.get(url)).body.data.version).toBe(0);
  });

  it('refuses a page size beyond its bound in every list, naming it', async () => {
    const lists = [
      '/api/v1/events',
      '/api/v1/alerts',
      `/api/v1/integrations/${suite.integration.id}/pushes`,
    ];
    for (const path of lists) {
      for (const limit of TOO_LARGE) {
        await expectInvalid(suite.t.admin.get(path).query({ limit }), 'limit');
      }
    }
  });

  it('answers 404 for an id no row can have, and 400 for no whole number, on every numeric id', async () => {
    for (const path of ['/api/v1/alerts', '/api/v1/events']) {
      for (const id of [String(INTEGER_MAX + 1), ...TOO_LARGE, '9223372036854775808']) {
        const response = await suite.t.admin.get(`${path}/${id}`);
        const answer = [path, id, response.status, response.body.error.code];
        expect(answer).toEqual([path, id, 404, 'NotFound']);
      }
      for (const id of ['-1', '1.5', 'abc']) {
        await expectInvalid(suite.t.admin.get(`${path}/${id}`), 'id');
      }
    }
  });
});
