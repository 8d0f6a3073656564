import { readFileSync, readdirSync } from 'node:fs';

/** Linux reports CPU times in /proc in clock ticks of 1/100 s (USER_HZ, fixed at 100 on x86). */
const MS_PER_TICK = 10;

/** The fields of /proc/<pid>/stat after the command name (which may hold spaces). */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** User + system CPU time of a process, all its threads, in ms; null without Linux's /proc. */
export function processCpuMs(pid: number): number | null {
  try {
    const fields = statFields(pid);
    return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
  } catch {
    return null;
  }
}

/**
 * CPU time used so far by the PostgreSQL server of this machine (backends, WAL writer,
 * checkpointer...), in ms: the database's share of a run on PostgreSQL. The backends that have
 * exited count too, through their parent's tally of its finished children (a connection the pool
 * closed would otherwise take its time with it). Null without /proc.
 */
export function postgresCpuMs(): number | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));
  } catch {
    return null;
  }
  const postgres = new Set(pids.filter((pid) => commandOf(pid) === 'postgres'));
  let ticks = 0;
  for (const pid of postgres) {
    let fields: string[];
    try {
      fields = statFields(pid);
    } catch {
      continue; // exited meanwhile: its parent's tally has it
    }
    ticks += Number(fields[11]) + Number(fields[12]);
    // The server's main process (its parent is not PostgreSQL): add its reaped children.
    if (!postgres.has(String(fields[1]))) ticks += Number(fields[13]) + Number(fields[14]);
  }
  return ticks * MS_PER_TICK;
}

function commandOf(pid: string): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return null;
  }
}
