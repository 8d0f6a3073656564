import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BENCH_SOURCES } from '../lib/paths.js';
import type { LoadResult, LoadSpec } from './load-run.js';

interface WrkReport {
  durationUs: number;
  sent: number;
  acked: number;
  ackedEvents: number;
  stored: number;
  deduplicated: number;
  refused: number;
  socketErrors: number;
  timeouts: number;
  p50Us: number;
  p99Us: number;
}

/** Runs wrk (one thread, as the reference figures) with bench/load/push.lua. */
export async function runWrk(spec: LoadSpec): Promise<LoadResult> {
  const args = [
    '-t1',
    `-c${spec.connections}`,
    `-d${spec.durationS}s`,
    '--timeout',
    '10s',
    '-s',
    join(BENCH_SOURCES, 'load/push.lua'),
    spec.url,
  ];
  const env = {
    ...process.env,
    BENCH_BODY_HEAD: spec.template.head,
    BENCH_ALERT: spec.template.alert,
    BENCH_BODY_TAIL: spec.template.tail,
    BENCH_PATH: spec.path,
    BENCH_ALERTS: String(spec.alertsPerPush),
    BENCH_REPEAT_SHARE: String(spec.repeatShare),
    BENCH_RUN_ID: spec.runId,
    BENCH_RATE: String(spec.ratePerS ?? 0),
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(text) : reject(new Error(`wrk exited ${code}: ${text}`)),
    );
  });
  const line = /^BENCH_RESULT (.*)$/m.exec(output);
  if (!line?.[1]) throw new Error(`wrk printed no result:\n${output}`);
  const report = JSON.parse(line[1]) as WrkReport;
  return {
    durationS: report.durationUs / 1e6,
    sent: report.sent,
    acked: report.acked,
    ackedEvents: report.ackedEvents,
    stored: report.stored,
    deduplicated: report.deduplicated,
    refused: report.refused,
    socketErrors: report.socketErrors + report.timeouts,
    p50Ms: report.p50Us / 1000,
    p99Ms: report.p99Us / 1000,
  };
}
