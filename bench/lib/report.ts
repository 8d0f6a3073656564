import type { DeliveryDuringLoad } from '../load/notification-delivery.js';

/** One measured run of one system, with the check of what it kept. */
export interface Measurement {
  system: string;
  systemLabel: string;
  scenario: string;
  scenarioLabel: string;
  alertsPerPush: number;
  durationS: number;
  pushesPerS: number;
  eventsPerS: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number | null;
  /** CPU time of the system's own process per acknowledged event, in µs. */
  cpuUsPerEvent: number | null;
  /** On PostgreSQL: CPU time of the database's processes per acknowledged event, in µs. */
  databaseCpuUsPerEvent: number | null;
  acked: number;
  ackedEvents: number;
  refused: number;
  socketErrors: number;
  check: DataCheck;
  /** With a notification subscription: what was delivered while the load ran. */
  deliveryDuringLoad?: DeliveryDuringLoad;
  /** With `--repeat`: every run's figures; the fields above are the median run's. */
  runs?: RunFigures[];
}

export interface RunFigures {
  pushesPerS: number;
  eventsPerS: number;
  ackedEvents: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMb: number | null;
  cpuUsPerEvent: number | null;
  databaseCpuUsPerEvent: number | null;
  check: DataCheck['status'];
  deliveryDuringLoad?: DeliveryDuringLoad;
}

/**
 * Acknowledged events against what the system holds afterwards. Requests in flight when the load
 * generator stopped may have been stored without their answer being read: the system may hold
 * up to that many more, never fewer.
 */
export interface DataCheck {
  status: 'ok' | 'lost' | 'not-applicable';
  held: number | null;
  missing: number;
  inFlightEvents: number;
}

export interface Ratio {
  name: string;
  value: number | null;
  target: string;
  met: boolean | null;
}

function cell(value: number | null, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function checkCell(check: DataCheck): string {
  if (check.status === 'not-applicable') return 'n/a';
  if (check.status === 'ok') return 'ok';
  return `LOST ${check.missing}`;
}

/** Markdown, so the same table reads in a terminal and pastes into the README. */
export function formatTable(measurements: Measurement[]): string {
  const header =
    '| system | load | pushes/s | events/s | p50 ms | p99 ms | peak RSS MB | CPU µs/event | PostgreSQL CPU µs/event | stored = acked |';
  const lines = [header, '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];
  for (const m of measurements) {
    lines.push(
      `| ${m.systemLabel} | ${m.scenarioLabel} | ${cell(m.pushesPerS)} | ${cell(m.eventsPerS)} | ` +
        `${cell(m.p50Ms, 1)} | ${cell(m.p99Ms, 1)} | ${cell(m.peakRssMb)} | ` +
        `${cell(m.cpuUsPerEvent)} | ${cell(m.databaseCpuUsPerEvent)} | ${checkCell(m.check)} |`,
    );
  }
  return lines.join('\n');
}

export function formatRatios(ratios: Ratio[]): string {
  const lines = ['| ratio | value | target | met |', '| --- | ---: | --- | --- |'];
  for (const ratio of ratios) {
    const met = ratio.met === null ? '—' : ratio.met ? 'yes' : 'NO';
    lines.push(`| ${ratio.name} | ${cell(ratio.value, 2)} | ${ratio.target} | ${met} |`);
  }
  return lines.join('\n');
}
