import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  outboundUrlAllowed,
  type IntegrationPlugin,
  type SigningCertificates,
} from '@alert-hub/plugin-sdk';
import { X509Certificate } from 'node:crypto';
import { CORE_OPTIONS, type CoreOptions } from '../core-options.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { CertificateCache } from './certificate-cache.js';
import { OutboundClient } from './outbound-client.js';

/** A PEM certificate is a few KiB; a chain of a few still fits. */
export const MAX_CERTIFICATE_BYTES = 64 * 1024;
/** The answer to a confirmation is read (and dropped) up to this. */
export const MAX_CONFIRMATION_BYTES = 64 * 1024;
/** Certificates kept: a source signs with one or two at a time, per region. */
const CERTIFICATES_KEPT = 64;

/** What the host answered a confirmation with, for the push log. */
export interface Confirmation {
  host: string;
  status: number;
}

/**
 * What plugins may have the core fetch for them, each on its own allowlist: the plugin's
 * `outboundHosts`, unless the operator replaced it (`OUTBOUND_ALLOWED_HOSTS`, for tests and
 * private mirrors).
 */
@Injectable()
export class PluginOutbound implements OnApplicationBootstrap {
  private readonly certificates = new CertificateCache(CERTIFICATES_KEPT);

  constructor(
    private readonly client: OutboundClient,
    private readonly registry: PluginRegistry,
    @Inject(CORE_OPTIONS) private readonly options: CoreOptions,
  ) {}

  /** A replacement list for a plugin that is not enabled is a mistake: refuse to start. */
  onApplicationBootstrap(): void {
    const replaced = Object.keys(this.options.outbound?.allowedHosts ?? {});
    const unknown = replaced.filter((pluginId) => this.registry.find(pluginId) === undefined);
    if (unknown.length > 0) {
      throw new Error(
        `OUTBOUND_ALLOWED_HOSTS names plugins that are not enabled: ${unknown.join(', ')}`,
      );
    }
  }

  allowlistOf(plugin: IntegrationPlugin): readonly string[] {
    return this.options.outbound?.allowedHosts?.[plugin.id] ?? plugin.outboundHosts ?? [];
  }

  /** What the plugin's `verify` gets: certificates from its allowlist, through the cache. */
  signingCertificatesFor(plugin: IntegrationPlugin): SigningCertificates {
    return {
      fetch: (url) => {
        const allowlist = this.allowlistOf(plugin);
        // Checked before the cache too: a certificate another plugin may fetch is not this one's.
        if (!outboundUrlAllowed(url, allowlist)) {
          return Promise.reject(new OutboundHostNotAllowed(url));
        }
        return this.certificates.get(url, () => this.fetchCertificate(url, allowlist));
      },
    };
  }

  /** GETs a handshake's URL; a status other than 2xx fails with `OutboundRequestFailed`. */
  async confirm(plugin: IntegrationPlugin, url: string): Promise<Confirmation> {
    const answer = await this.client.get(url, this.allowlistOf(plugin), MAX_CONFIRMATION_BYTES);
    if (answer.status < 200 || answer.status > 299) {
      throw new OutboundRequestFailed(url, `answered ${answer.status}`);
    }
    return { host: new URL(url).host, status: answer.status };
  }

  private async fetchCertificate(
    url: string,
    allowlist: readonly string[],
  ): Promise<X509Certificate> {
    const answer = await this.client.get(url, allowlist, MAX_CERTIFICATE_BYTES);
    if (answer.status !== 200) throw new OutboundRequestFailed(url, `answered ${answer.status}`);
    try {
      return new X509Certificate(answer.body);
    } catch {
      throw new OutboundRequestFailed(url, 'did not answer with an X.509 certificate');
    }
  }
}
