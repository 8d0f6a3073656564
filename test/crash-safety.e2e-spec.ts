import { afterAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { createChannel, createPrivateIntegration } from './support/admin-fixtures.js';
import { alertmanagerPush } from './support/alertmanager-payload.js';
import { ServerProcess } from './support/server-process.js';
import { storedAlertKeys } from './support/stored-events.js';
import { createTestDatabase, TEST_DATABASE, type TestDatabase } from './support/test-database.js';

/** Concurrent senders: like several Alertmanagers, each waiting for its answer before the next. */
const SENDERS = 12;
const ALERTS_PER_PUSH = 20;
/** The server is killed once this many pushes were acknowledged, with the others in flight. */
const ACKNOWLEDGED_BEFORE_KILL = 150;
/** A bound on the load, should the server never acknowledge enough pushes. */
const MAX_PUSHES = 5_000;

function pushOf(fingerprints: string[]): Record<string, unknown> {
  return alertmanagerPush(
    ...fingerprints.map((fingerprint) => ({
      fingerprint,
      labels: { alertname: 'CrashLoad', instance: fingerprint, severity: 'warning' },
    })),
  );
}

interface PushOutcome {
  fingerprints: string[];
  /** The HTTP status, or undefined when no answer came (the server died first). */
  status: number | undefined;
}

describe(`crash safety on ${TEST_DATABASE}`, () => {
  const servers: ServerProcess[] = [];
  let database: TestDatabase | undefined;
  afterAll(async () => {
    for (const server of servers) await server.stop();
    await database?.drop();
  }, 60_000);

  it('keeps every push that got a 2xx when killed with SIGKILL mid-load, and starts again cleanly', async () => {
    database = await createTestDatabase();
    const adminToken = randomBytes(24).toString('hex');
    const first = await ServerProcess.start({ database, adminToken });
    servers.push(first);
    const channelId = await createChannel(first);
    const integration = await createPrivateIntegration(first, channelId);
    const pushUrl = `${first.url}/webhooks/prometheus?integration_key=${integration.integrationKey}`;

    const outcomes: PushOutcome[] = [];
    let acknowledged = 0;
    let inFlight = 0;
    let inFlightAtKill = 0;
    let killed = false;
    const sender = async (senderId: number) => {
      for (let sequence = 0; !killed && outcomes.length < MAX_PUSHES; sequence++) {
        const fingerprints = Array.from(
          { length: ALERTS_PER_PUSH },
          (_, index) => `crash-${senderId}-${sequence}-${index}`,
        );
        const outcome: PushOutcome = { fingerprints, status: undefined };
        outcomes.push(outcome);
        const body = pushOf(fingerprints);
        inFlight += 1;
        try {
          const response = await fetch(pushUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          });
          await response.arrayBuffer();
          outcome.status = response.status;
          if (response.ok && ++acknowledged >= ACKNOWLEDGED_BEFORE_KILL && !killed) {
            killed = true;
            inFlightAtKill = inFlight - 1;
            first.process.signal('SIGKILL');
          }
        } catch {
          // The connection was reset or refused: the server is gone, this push has no answer.
        } finally {
          inFlight -= 1;
        }
      }
    };
    await Promise.all(Array.from({ length: SENDERS }, (_, senderId) => sender(senderId)));
    expect(killed).toBe(true);
    expect(await first.process.waitForExit(15_000)).toEqual({ code: null, signal: 'SIGKILL' });

    // Every answer the server gave before it died was a success: nothing was refused under load.
    const answered = outcomes.filter((outcome) => outcome.status !== undefined);
    expect(answered.filter((outcome) => outcome.status !== 200)).toEqual([]);

    const second = await ServerProcess.start({ database, adminToken });
    servers.push(second);
    const stored = await storedAlertKeys(second, integration.id);
    const acknowledgedPushes = answered;
    const missing = acknowledgedPushes
      .flatMap((outcome) => outcome.fingerprints)
      .filter((fingerprint) => !stored.has(fingerprint));
    const foundPushes = acknowledgedPushes.filter((outcome) =>
      outcome.fingerprints.every((fingerprint) => stored.has(fingerprint)),
    );
    const unanswered = outcomes.filter((outcome) => outcome.status === undefined);
    const unansweredStored = unanswered.filter((outcome) =>
      outcome.fingerprints.some((fingerprint) => stored.has(fingerprint)),
    );
    console.log(
      `crash test on ${TEST_DATABASE}: ${outcomes.length} pushes sent (${ALERTS_PER_PUSH} alerts each, ` +
        `${SENDERS} senders); ${acknowledgedPushes.length} got a 2xx; ${foundPushes.length} of ` +
        `those found after restart; ${inFlightAtKill} others were in flight at SIGKILL; ` +
        `${unanswered.length} got no answer, ${unansweredStored.length} of them stored anyway`,
    );

    expect(inFlightAtKill).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(foundPushes).toHaveLength(acknowledgedPushes.length);
    // A push is one transaction: none is stored in part, none twice.
    for (const outcome of unanswered) {
      const kept = outcome.fingerprints.filter((fingerprint) => stored.has(fingerprint));
      expect([0, ALERTS_PER_PUSH]).toContain(kept.length);
    }
    expect([...stored.values()].filter((count) => count > 1)).toEqual([]);

    // The restarted server works normally on the same database: the unanswered pushes, sent
    // again as Alertmanager would, are stored once, whether or not they were committed before.
    for (const outcome of unanswered) {
      const retried = await second.http
        .post('/webhooks/prometheus')
        .query({ integration_key: integration.integrationKey })
        .send(pushOf(outcome.fingerprints));
      expect(retried.status).toBe(200);
      const wasStored = unansweredStored.includes(outcome);
      expect(retried.body.data).toMatchObject({
        stored: wasStored ? 0 : ALERTS_PER_PUSH,
        deduplicated: wasStored ? ALERTS_PER_PUSH : 0,
      });
    }
    const afterRetries = await storedAlertKeys(second, integration.id);
    expect(afterRetries.size).toBe(outcomes.length * ALERTS_PER_PUSH);
    expect([...afterRetries.values()].every((count) => count === 1)).toBe(true);
  }, 180_000);
});
