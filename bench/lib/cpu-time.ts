import { readFileSync, readdirSync } from 'node:fs';

/** Linux reports CPU times in /proc in clock ticks of 1/100 s (USER_HZ, fixed at 100 on x86). */
const MS_PER_TICK = 10;

/** User + system CPU time of a process, all its threads, in ms; null without Linux's /proc. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/**
 * CPU time used so far by every PostgreSQL server process of this machine (backends, WAL writer,
 * checkpointer...), in ms: the database's share of a run on PostgreSQL. Null without /proc.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  let total = 0;
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
    } catch {
      continue; // exited meanwhile
    }
    total += processCpuMs(Number(pid)) ?? 0;
  }
  return total;
}
