import type { PluginSetting } from '@alert-hub/plugin-sdk';

/** Grafana's default header for the signature (grafana/alerting `http/hmac.go`). */
export const GRAFANA_SIGNATURE_HEADER = 'X-Grafana-Alerting-Signature';

/** The contact point's optional HMAC signing (`hmacConfig`), mirrored on the integration. */
export const GRAFANA_SETTINGS: readonly PluginSetting[] = [
  {
    name: 'hmacSecret',
    kind: 'secret',
    description:
      "The contact point's HMAC secret (Optional webhook settings > HMAC signature > Secret). " +
      'When set, a push without a valid signature is refused (401).',
  },
  {
    name: 'signatureHeader',
    kind: 'string',
    default: GRAFANA_SIGNATURE_HEADER,
    description: 'The header Grafana puts the signature in, if you changed it.',
  },
  {
    name: 'timestampHeader',
    kind: 'string',
    description:
      'The timestamp header set in the contact point, if any: Grafana then signs ' +
      '"<timestamp>:<body>", and a push whose timestamp is too far from now is refused.',
  },
  {
    name: 'maxSignatureAgeSeconds',
    kind: 'number',
    default: 300,
    description: 'With a timestamp header: how far its time may be from the time received.',
  },
];
