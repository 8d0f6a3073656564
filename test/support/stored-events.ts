import { expect } from '@jest/globals';
import type { HttpClients } from './test-app.js';

/** Pages through an integration's stored events: how many events each alert key has. */
export async function storedAlertKeys(
  t: HttpClients,
  integrationId: string,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: string | null = null;
  for (let page = 0; page < 1_000; page++) {
    const query: Record<string, string | number> = { integrationId, limit: 500 };
    if (cursor !== null) query.cursor = cursor;
    const response = await t.admin.get('/api/v1/events').query(query);
    expect(response.status).toBe(200);
    const body = response.body as { data: Array<{ alertKey: string }>; nextCursor: string | null };
    for (const event of body.data)
      counts.set(event.alertKey, (counts.get(event.alertKey) ?? 0) + 1);
    cursor = body.nextCursor;
    if (cursor === null) return counts;
  }
  throw new Error('more pages of events than a test ever stores');
}
