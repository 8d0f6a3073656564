import { hubAdmin, type AlertHubUnderTest } from '../lib/systems.js';

/** Silences the bench creates: the ingest path tries each on every push of its scope. */
export const BENCH_SILENCES = 20;

const EVERY_DAY = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * Gives a running Hub 20 silences in force, half of scope `all`, half of its integration; half
 * weekly (all day, in Berlin: the zone's wall clock is read) and half once. None matches the
 * bench's alerts (their `team` is `payments-sre`), or, with `matching`, the last one does, in
 * mode mark: every event is then stored flagged, so the run's data check still holds.
 */
export async function createBenchSilences(
  hub: AlertHubUnderTest,
  matching: boolean,
): Promise<void> {
  const admin = hubAdmin(hub);
  const now = Date.now();
  for (let index = 0; index < BENCH_SILENCES; index++) {
    const matches = matching && index === BENCH_SILENCES - 1;
    await admin('/api/v1/silences', {
      reason: `bench silence ${index}`,
      conditions: [
        {
          field: 'labels.team',
          operator: 'equals',
          value: matches ? 'payments-sre' : `team-${index}`,
        },
        { field: 'labels.alertname', operator: 'regex', value: 'Latency$' },
      ],
      scope:
        index % 2 === 0
          ? { type: 'all' }
          : { type: 'integration', integrationId: hub.integrationId },
      schedule:
        index % 4 < 2
          ? {
              type: 'weekly',
              timezone: 'Europe/Berlin',
              windows: [{ days: EVERY_DAY, start: '00:00', end: '24:00' }],
            }
          : {
              type: 'once',
              start: new Date(now - 3_600_000).toISOString(),
              end: new Date(now + 86_400_000).toISOString(),
            },
    });
  }
}
