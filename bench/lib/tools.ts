import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

function onPath(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function canInstallPackages(): boolean {
  return process.getuid?.() === 0 && onPath('apt-get');
}

let aptUpdated = false;
function apt(args: string[], cwd?: string): void {
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    aptUpdated = true;
  }
  execFileSync('apt-get', args, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

/** wrk from Debian's packages, installed when missing and possible; false: use autocannon. */
export function ensureWrk(log: (line: string) => void): boolean {
  if (onPath('wrk')) return true;
  if (!canInstallPackages()) return false;
  log('installing wrk (apt-get install wrk)');
  try {
    apt(['install', '-y', '-qq', 'wrk']);
  } catch {
    return false;
  }
  return onPath('wrk');
}

/**
 * Alertmanager's binary: from PATH, else from .tools/usr/bin (scripts/install-prometheus-binaries.sh
 * puts it there for the real-sender tests), else extracted from Debian's package into `cacheDir`
 * without installing it (no service, no user). Null when none is possible.
 */
export function alertmanagerBinary(cacheDir: string, log: (line: string) => void): string | null {
  if (onPath('prometheus-alertmanager')) return 'prometheus-alertmanager';
  const tools = join(REPO_ROOT, '.tools/usr/bin/prometheus-alertmanager');
  if (existsSync(tools)) return tools;
  const extracted = join(cacheDir, 'alertmanager/usr/bin/prometheus-alertmanager');
  if (existsSync(extracted)) return extracted;
  if (!canInstallPackages() || !onPath('dpkg-deb')) return null;
  log('extracting prometheus-alertmanager from its Debian package');
  try {
    const downloads = join(cacheDir, 'deb');
    mkdirSync(downloads, { recursive: true });
    apt(['download', 'prometheus-alertmanager'], downloads);
    const deb = readdirSync(downloads).find((file) => file.startsWith('prometheus-alertmanager'));
    if (!deb) return null;
    execFileSync('dpkg-deb', ['-x', join(downloads, deb), join(cacheDir, 'alertmanager')]);
  } catch {
    return null;
  }
  return existsSync(extracted) ? extracted : null;
}
