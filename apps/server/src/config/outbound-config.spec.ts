import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config.js';

const TEST_CA = join(import.meta.dirname, '../../../../test/support/tls/test-ca.crt');

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'alert-hub-outbound-config-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function outbound(env: Record<string, string>) {
  return loadConfig({ DATA_DIR: dataDir(), ADMIN_TOKEN: 'a-long-enough-token', ...env }).core
    .outbound;
}

describe('the outbound client configuration', () => {
  it('times out connections after 5 s and fetches after 10 s, unless told otherwise', () => {
    expect(outbound({})).toEqual({ connectTimeoutMs: 5_000, timeoutMs: 10_000 });
    expect(
      outbound({ OUTBOUND_CONNECT_TIMEOUT_MS: '1000', OUTBOUND_TIMEOUT_MS: '3000' }),
    ).toMatchObject({ connectTimeoutMs: 1_000, timeoutMs: 3_000 });
    expect(() => outbound({ OUTBOUND_CONNECT_TIMEOUT_MS: '20000' })).toThrow(
      'OUTBOUND_CONNECT_TIMEOUT_MS must be at most OUTBOUND_TIMEOUT_MS',
    );
    expect(() => outbound({ OUTBOUND_TIMEOUT_MS: 'soon' })).toThrow(
      /OUTBOUND_TIMEOUT_MS must be a whole number/,
    );
  });

  it('trusts the certificates of OUTBOUND_CA_FILE, which must hold some', () => {
    expect(outbound({ OUTBOUND_CA_FILE: TEST_CA })?.extraCaPem).toBe(
      readFileSync(TEST_CA, 'utf8').trim(),
    );
    const empty = join(dataDir(), 'empty.pem');
    writeFileSync(empty, 'no certificate here\n');
    expect(() => outbound({ OUTBOUND_CA_FILE: empty })).toThrow(
      `OUTBOUND_CA_FILE: ${empty} holds no PEM certificate`,
    );
    expect(() => outbound({ OUTBOUND_CA_FILE: '/no/such/ca.pem' })).toThrow(
      /OUTBOUND_CA_FILE: cannot read \/no\/such\/ca.pem/,
    );
  });

  it('reads replacement allowlists by plugin, with ports', () => {
    expect(
      outbound({
        OUTBOUND_ALLOWED_HOSTS: 'aws-cloudwatch=localhost:8443, sns.*.amazonaws.com; demo=a.b.c',
      })?.allowedHosts,
    ).toEqual({ 'aws-cloudwatch': ['localhost:8443', 'sns.*.amazonaws.com'], demo: ['a.b.c'] });
    expect(() => outbound({ OUTBOUND_ALLOWED_HOSTS: 'aws-cloudwatch=*.com' })).toThrow(
      'OUTBOUND_ALLOWED_HOSTS: "*.com" must end in two labels that are names, not *',
    );
    expect(() => outbound({ OUTBOUND_ALLOWED_HOSTS: 'localhost:8443' })).toThrow(
      /OUTBOUND_ALLOWED_HOSTS: "localhost:8443" is not <plugin id>=/,
    );
    expect(() => outbound({ OUTBOUND_ALLOWED_HOSTS: 'x=localhost:99999' })).toThrow(
      'OUTBOUND_ALLOWED_HOSTS: "localhost:99999" is not host[:port]',
    );
  });

  it('reads connect-to rules as curl writes them', () => {
    expect(
      outbound({ OUTBOUND_CONNECT_TO: 'sns.*.amazonaws.com:443:127.0.0.1:8443' })?.connectTo,
    ).toEqual([{ host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: 8443 }]);
    expect(() => outbound({ OUTBOUND_CONNECT_TO: 'sns.amazonaws.com:127.0.0.1' })).toThrow(
      /OUTBOUND_CONNECT_TO: "sns.amazonaws.com:127.0.0.1" is not host:port:to-host:to-port/,
    );
  });

  it('reads the address blocks notifications may not reach, and the exempted ones', () => {
    expect(
      outbound({
        OUTBOUND_DENIED_ADDRESSES: '10.0.0.0/8, fc00::/7',
        OUTBOUND_ALLOWED_ADDRESSES: '127.0.0.1/32',
        OUTBOUND_ALLOW_HTTP: 'true',
      }),
    ).toMatchObject({
      deniedAddresses: ['10.0.0.0/8', 'fc00::/7'],
      allowedAddresses: ['127.0.0.1/32'],
      allowPlainHttp: true,
    });
    expect(() => outbound({ OUTBOUND_DENIED_ADDRESSES: '10.0.0.0/40' })).toThrow(
      /OUTBOUND_DENIED_ADDRESSES: "10.0.0.0\/40" is not an IP address or a CIDR block/,
    );
    expect(() => outbound({ OUTBOUND_ALLOW_HTTP: 'yes' })).toThrow(
      'OUTBOUND_ALLOW_HTTP must be true or false',
    );
  });
});
