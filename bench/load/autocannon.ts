import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load-run.js';
import { payloadBody } from './payloads.js';

/** The fallback when wrk cannot be installed: the same pushes and counts, from Node. */
export async function runAutocannon(spec: LoadSpec): Promise<LoadResult> {
  let pushes = 0;
  const totals = { sent: 0, acked: 0, ackedEvents: 0, stored: 0, deduplicated: 0, refused: 0 };
  const bodyOf = (push: number) =>
    payloadBody(
      spec.template,
      Array.from({ length: spec.alertsPerPush }, (_, i) => `${spec.runId}-1-${push}-${i + 1}`),
    );
  const result = await autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    overallRate: spec.ratePerS,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: spec.path,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          totals.sent += 1;
          const repeat = pushes > 0 && Math.random() < spec.repeatShare;
          const push = repeat ? 1 + Math.floor(Math.random() * pushes) : ++pushes;
          return { ...request, body: bodyOf(push) };
        },
        onResponse: (status, body) => {
          if (status < 200 || status >= 300) {
            totals.refused += 1;
            return;
          }
          totals.acked += 1;
          totals.ackedEvents += spec.alertsPerPush;
          totals.stored += Number(/"stored":(\d+)/.exec(body)?.[1] ?? 0);
          totals.deduplicated += Number(/"deduplicated":(\d+)/.exec(body)?.[1] ?? 0);
        },
      },
    ],
  });
  return {
    ...totals,
    durationS: result.duration,
    socketErrors: result.errors + result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
  };
}
