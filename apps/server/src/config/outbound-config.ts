import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { addressBlockProblem, type ConnectTo, type OutboundOptions } from '@alert-hub/core';
import { outboundHostProblem } from '@alert-hub/plugin-sdk';
import { ConfigError } from './config-error.js';

/** The variables of the outbound client that need more than a type check. */
export interface OutboundVariables {
  OUTBOUND_CONNECT_TIMEOUT_MS: number;
  OUTBOUND_TIMEOUT_MS: number;
  OUTBOUND_CA_FILE?: string;
  OUTBOUND_ALLOWED_HOSTS?: string;
  OUTBOUND_CONNECT_TO?: string;
  OUTBOUND_DENIED_ADDRESSES?: string;
  OUTBOUND_ALLOWED_ADDRESSES?: string;
  OUTBOUND_ALLOW_HTTP: 'true' | 'false';
}

/** `10.0.0.0/8, fc00::/7`: each entry checked; an empty list is a list of none. */
function readAddressBlocks(name: string, text: string): string[] {
  const blocks = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const block of blocks) {
    const problem = addressBlockProblem(block);
    if (problem !== undefined) throw new ConfigError(`${name}: ${problem}`);
  }
  return blocks;
}

const PLUGIN_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function portProblem(text: string): boolean {
  const port = Number(text);
  return !/^\d{1,5}$/.test(text) || port < 1 || port > 65535;
}

/** `host` or `host:port`, the host a pattern as plugins declare them. */
function allowedHostProblem(entry: string): string | undefined {
  const [host = '', port, ...rest] = entry.split(':');
  if (rest.length > 0 || (port !== undefined && portProblem(port))) {
    return `"${entry}" is not host[:port]`;
  }
  return outboundHostProblem(host);
}

/** `aws-cloudwatch=sns.*.amazonaws.com,localhost:8443;huawei-cloudeye=…` */
function readAllowedHosts(text: string): Record<string, string[]> {
  const lists: Record<string, string[]> = {};
  for (const part of text
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item !== '')) {
    const equals = part.indexOf('=');
    const pluginId = part.slice(0, equals).trim();
    if (equals < 0 || !PLUGIN_ID.test(pluginId)) {
      throw new ConfigError(
        `OUTBOUND_ALLOWED_HOSTS: "${part}" is not <plugin id>=<host[:port]>,… (lists separated by ;)`,
      );
    }
    const hosts = part
      .slice(equals + 1)
      .split(',')
      .map((host) => host.trim())
      .filter((host) => host !== '');
    for (const host of hosts) {
      const problem = allowedHostProblem(host);
      if (problem !== undefined) throw new ConfigError(`OUTBOUND_ALLOWED_HOSTS: ${problem}`);
    }
    lists[pluginId] = hosts;
  }
  return lists;
}

/** curl's `--connect-to`: `sns.*.amazonaws.com:443:127.0.0.1:8443`, entries separated by `,`. */
function readConnectTo(text: string): ConnectTo[] {
  return text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => {
      const [host = '', port = '', toHost = '', toPort = '', ...rest] = entry.split(':');
      if (
        rest.length > 0 ||
        outboundHostProblem(host) !== undefined ||
        outboundHostProblem(toHost) !== undefined ||
        portProblem(port) ||
        portProblem(toPort)
      ) {
        throw new ConfigError(
          `OUTBOUND_CONNECT_TO: "${entry}" is not host:port:to-host:to-port (as curl --connect-to)`,
        );
      }
      return { host, port: Number(port), toHost, toPort: Number(toPort) };
    });
}

/** The PEM certificates of the file, each checked; the file must hold at least one. */
function readCaFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    throw new ConfigError(`OUTBOUND_CA_FILE: cannot read ${file}: ${(error as Error).message}`);
  }
  const certificates = text.match(PEM_CERTIFICATE) ?? [];
  if (certificates.length === 0) {
    throw new ConfigError(`OUTBOUND_CA_FILE: ${file} holds no PEM certificate`);
  }
  for (const certificate of certificates) {
    try {
      new X509Certificate(certificate);
    } catch {
      throw new ConfigError(`OUTBOUND_CA_FILE: ${file} holds a certificate that cannot be read`);
    }
  }
  return certificates.join('\n');
}

/** The outbound client's options from the environment; throws `ConfigError` naming the variable. */
export function outboundOptions(variables: OutboundVariables): OutboundOptions {
  if (variables.OUTBOUND_CONNECT_TIMEOUT_MS > variables.OUTBOUND_TIMEOUT_MS) {
    throw new ConfigError('OUTBOUND_CONNECT_TIMEOUT_MS must be at most OUTBOUND_TIMEOUT_MS');
  }
  const options: OutboundOptions = {
    connectTimeoutMs: variables.OUTBOUND_CONNECT_TIMEOUT_MS,
    timeoutMs: variables.OUTBOUND_TIMEOUT_MS,
  };
  if (variables.OUTBOUND_CA_FILE !== undefined) {
    options.extraCaPem = readCaFile(variables.OUTBOUND_CA_FILE);
  }
  if (variables.OUTBOUND_ALLOWED_HOSTS !== undefined) {
    options.allowedHosts = readAllowedHosts(variables.OUTBOUND_ALLOWED_HOSTS);
  }
  if (variables.OUTBOUND_CONNECT_TO !== undefined) {
    options.connectTo = readConnectTo(variables.OUTBOUND_CONNECT_TO);
  }
  if (variables.OUTBOUND_DENIED_ADDRESSES !== undefined) {
    options.deniedAddresses = readAddressBlocks(
      'OUTBOUND_DENIED_ADDRESSES',
      variables.OUTBOUND_DENIED_ADDRESSES,
    );
  }
  if (variables.OUTBOUND_ALLOWED_ADDRESSES !== undefined) {
    options.allowedAddresses = readAddressBlocks(
      'OUTBOUND_ALLOWED_ADDRESSES',
      variables.OUTBOUND_ALLOWED_ADDRESSES,
    );
  }
  if (variables.OUTBOUND_ALLOW_HTTP === 'true') options.allowPlainHttp = true;
  return options;
}
