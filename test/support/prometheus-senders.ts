import { execFile } from 'node:child_process';
import { accessSync, constants, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describeWithTool } from './describe-with-tool.js';
import { freePort } from './free-port.js';
import { ManagedProcess } from './managed-process.js';
import { waitFor } from './wait-for.js';

const run = promisify(execFile);

/** Where scripts/install-prometheus-binaries.sh unpacks Debian's packages. */
const TOOLS_BIN = join(import.meta.dirname, '..', '..', '.tools', 'usr', 'bin');

export const SENDER_BINARIES = ['prometheus', 'prometheus-alertmanager', 'amtool'] as const;
export type SenderBinary = (typeof SENDER_BINARIES)[number];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export type SenderBinaries = Record<SenderBinary, string>;

/** The binaries' paths, from PATH or .tools/usr/bin, and the names of those not found. */
function findSenderBinaries(): { paths: Partial<SenderBinaries>; missing: SenderBinary[] } {
  const directories = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), TOOLS_BIN];
  const paths: Partial<SenderBinaries> = {};
  for (const binary of SENDER_BINARIES) {
    const path = directories.map((dir) => join(dir, binary)).find(isExecutable);
    if (path !== undefined) paths[binary] = path;
  }
  return { paths, missing: SENDER_BINARIES.filter((binary) => paths[binary] === undefined) };
}

/** `describe` when the binaries are found; see {@link describeWithTool} for without. */
export function describeWithSenderBinaries(
  title: string,
  suite: (binaries: SenderBinaries) => void,
): void {
  const { paths, missing } = findSenderBinaries();
  const problem =
    missing.length === 0
      ? undefined
      : `${missing.join(', ')} not found on PATH or in .tools/usr/bin: ` +
        'run scripts/install-prometheus-binaries.sh';
  describeWithTool(title, problem, () => suite(paths as SenderBinaries));
}

/** A time as Go's RFC 3339 parser and amtool take it: whole seconds, UTC. */
export function rfc3339(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A Prometheus or Alertmanager process on 127.0.0.1, with the URL it answers on. */
export interface SenderProcess {
  url: string;
  process: ManagedProcess;
}

/** Starts a sender and waits until its `/-/ready` answers; YAML configs are written as JSON. */
async function startSender(
  name: string,
  binary: string,
  args: (port: number) => string[],
): Promise<SenderProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = new ManagedProcess(name, binary, args(port));
  try {
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (child.hasExited) throw new Error(`${name} exited while starting`);
        return (await fetch(`${url}/-/ready`)).status === 200;
      },
      { timeoutMs: 60_000, context: () => child.output() },
    );
  } catch (error) {
    await child.stop();
    throw error;
  }
  return { url, process: child };
}

/** Alertmanager without clustering, its state in `dir`. */
export function startAlertmanager(
  binary: string,
  dir: string,
  config: unknown,
): Promise<SenderProcess> {
  const configFile = join(dir, 'alertmanager.yml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  return startSender('Alertmanager', binary, (port) => [
    `--config.file=${configFile}`,
    '--cluster.listen-address=',
    `--web.listen-address=127.0.0.1:${port}`,
    `--storage.path=${join(dir, 'alertmanager-data')}`,
  ]);
}

/** Prometheus evaluating `rules` every second and sending its alerts to `alertmanagerUrl`. */
export function startPrometheus(
  binary: string,
  dir: string,
  alertmanagerUrl: string,
  rules: unknown[],
): Promise<SenderProcess> {
  const rulesFile = join(dir, 'rules.yml');
  const configFile = join(dir, 'prometheus.yml');
  writeFileSync(rulesFile, JSON.stringify({ groups: [{ name: 'alert-hub-e2e', rules }] }, null, 2));
  writeFileSync(
    configFile,
    JSON.stringify({
      global: { evaluation_interval: '1s' },
      rule_files: [rulesFile],
      alerting: {
        alertmanagers: [{ static_configs: [{ targets: [new URL(alertmanagerUrl).host] }] }],
      },
    }),
  );
  return startSender('Prometheus', binary, (port) => [
    `--config.file=${configFile}`,
    `--storage.tsdb.path=${join(dir, 'prometheus-data')}`,
    `--web.listen-address=127.0.0.1:${port}`,
    '--rules.alert.resend-delay=1s',
  ]);
}

export interface AmtoolAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  /** Always given: without it Alertmanager would take the time it receives the alert. */
  startsAt: Date;
  /** A past end resolves the alert. */
  endsAt?: Date;
}

/** `amtool alert add`: posts one alert to Alertmanager, as a script or a person would. */
export async function amtoolAddAlert(
  amtool: string,
  alertmanagerUrl: string,
  alert: AmtoolAlert,
): Promise<void> {
  const args = [
    'alert',
    'add',
    `--alertmanager.url=${alertmanagerUrl}`,
    `--start=${rfc3339(alert.startsAt)}`,
    ...(alert.endsAt ? [`--end=${rfc3339(alert.endsAt)}`] : []),
    ...Object.entries(alert.annotations ?? {}).map(
      ([name, value]) => `--annotation=${name}=${value}`,
    ),
    ...Object.entries(alert.labels).map(([name, value]) => `${name}=${value}`),
  ];
  await run(amtool, args, { timeout: 30_000 });
}

export interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: string };
}

/** What Alertmanager holds for a matcher such as `alertname="DiskFull"`. */
export async function alertmanagerAlerts(
  alertmanagerUrl: string,
  matcher: string,
): Promise<AlertmanagerAlert[]> {
  const response = await fetch(
    `${alertmanagerUrl}/api/v2/alerts?filter=${encodeURIComponent(matcher)}`,
  );
  if (!response.ok) throw new Error(`Alertmanager answered ${response.status}`);
  return (await response.json()) as AlertmanagerAlert[];
}
