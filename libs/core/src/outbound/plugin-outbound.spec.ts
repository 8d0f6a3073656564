import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DiscoveryService, Reflector } from '@nestjs/core';
import {
  OutboundHostNotAllowed,
  OutboundRequestFailed,
  type IntegrationPlugin,
} from '@alert-hub/plugin-sdk';
import { readFileSync } from 'node:fs';
import {
  FAKE_HOST_CERTIFICATE_PEM,
  FakeHttpsHost,
  TEST_CA_FILE,
  answer,
} from '../../../../test/support/fake-https-host.js';
import type { CoreOptions } from '../core-options.js';
import { PluginRegistry } from '../plugins/plugin-registry.js';
import { OutboundClient } from './outbound-client.js';
import type { OutboundOptions } from './outbound-options.js';
import { PluginOutbound } from './plugin-outbound.js';

const SNS_PLUGIN: IntegrationPlugin = {
  id: 'sns-like',
  name: 'SNS-like',
  description: 'signs with certificates',
  severityMap: { fields: ['labels.severity'], values: {}, default: 'Warning' },
  docs: { setup: '{{pushUrl}}', samples: {} },
  outboundHosts: ['sns.*.amazonaws.com'],
  parse: () => [],
};

function pluginOutbound(outbound: Partial<OutboundOptions>): PluginOutbound {
  const core: CoreOptions = {
    database: { type: 'sqlite', path: ':memory:' },
    publicUrl: 'http://alert-hub.test',
    adminToken: 'unused-admin-token',
    outbound,
  };
  const registry = new PluginRegistry({} as DiscoveryService, {} as Reflector);
  registry.register(SNS_PLUGIN);
  return new PluginOutbound(new OutboundClient(core), registry, core);
}

describe('PluginOutbound', () => {
  let host: FakeHttpsHost;
  let outbound: PluginOutbound;
  const url = (path: string) => `https://sns.eu-west-1.amazonaws.com${path}`;

  beforeAll(async () => {
    host = await FakeHttpsHost.start();
    outbound = pluginOutbound({
      extraCaPem: readFileSync(TEST_CA_FILE, 'utf8'),
      connectTo: [
        { host: 'sns.*.amazonaws.com', port: 443, toHost: '127.0.0.1', toPort: host.port },
      ],
    });
    host
      .on('/signing.pem', answer(200, FAKE_HOST_CERTIFICATE_PEM))
      .on('/not-a-certificate.pem', answer(200, 'hello'))
      .on('/confirm', answer(200, '<ConfirmSubscriptionResponse/>'))
      .on('/gone', answer(410));
  });
  afterAll(() => host.close());

  it('fetches a certificate once, however many ask for it at the same time', async () => {
    const certificates = outbound.signingCertificatesFor(SNS_PLUGIN);
    const fetched = await Promise.all([
      certificates.fetch(url('/signing.pem')),
      certificates.fetch(url('/signing.pem')),
    ]);
    await certificates.fetch(url('/signing.pem'));
    expect(fetched[0]?.subject).toBe('CN=fake-source.test');
    expect(host.requestsFor('/signing.pem')).toHaveLength(1);
  });

  it('keeps no failure: the next message fetches again', async () => {
    const certificates = outbound.signingCertificatesFor(SNS_PLUGIN);
    for (let attempt = 0; attempt < 2; attempt++) {
      await expect(certificates.fetch(url('/not-a-certificate.pem'))).rejects.toEqual(
        new OutboundRequestFailed(
          url('/not-a-certificate.pem'),
          'did not answer with an X.509 certificate',
        ),
      );
    }
    expect(host.requestsFor('/not-a-certificate.pem')).toHaveLength(2);
  });

  it("refuses a certificate off the plugin's allowlist, cached or not", async () => {
    const offList = 'https://other.fake-source.test/signing.pem';
    await expect(outbound.signingCertificatesFor(SNS_PLUGIN).fetch(offList)).rejects.toBeInstanceOf(
      OutboundHostNotAllowed,
    );
  });

  it('confirms with a 2xx, and fails any other answer', async () => {
    expect(await outbound.confirm(SNS_PLUGIN, url('/confirm?Token=t'))).toEqual({
      host: 'sns.eu-west-1.amazonaws.com',
      status: 200,
    });
    await expect(outbound.confirm(SNS_PLUGIN, url('/gone'))).rejects.toEqual(
      new OutboundRequestFailed(url('/gone'), 'answered 410'),
    );
  });

  it("uses the operator's replacement allowlist instead of the plugin's", () => {
    const replaced = pluginOutbound({ allowedHosts: { 'sns-like': ['localhost:8443'] } });
    expect(replaced.allowlistOf(SNS_PLUGIN)).toEqual(['localhost:8443']);
    expect(outbound.allowlistOf(SNS_PLUGIN)).toEqual(['sns.*.amazonaws.com']);
    expect(() => replaced.onApplicationBootstrap()).not.toThrow();
    expect(() =>
      pluginOutbound({ allowedHosts: { 'no-such-plugin': ['a.b.c'] } }).onApplicationBootstrap(),
    ).toThrow('OUTBOUND_ALLOWED_HOSTS names plugins that are not enabled: no-such-plugin');
  });
});
