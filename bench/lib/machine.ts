import { execFileSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGb: number;
  kernel: string;
  node: string;
  /** 1, 5 and 15 minutes at the start: other work on the machine shows here. */
  loadAverage: string;
  disk: string | null;
}

export function machineDescription(): Machine {
  let disk: string | null = null;
  try {
    disk = execFileSync('df', ['-h', '--output=source,fstype', '/tmp'], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .slice(1)
      .join(' ');
  } catch {
    disk = null;
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    kernel: release(),
    node: process.version,
    loadAverage: loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    disk,
  };
}
