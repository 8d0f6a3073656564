/** A push can fail in all of these ways (README: API); senders retry only the 5xx. */
export const PUSH_ERRORS = {
  400: "InvalidPayload: the body is not JSON or not in the plugin's format (`details.path` says where); InvalidParameter: the key given twice; HandshakeRefused: a subscription confirmation names a URL off the plugin's allowed hosts (the push log says which)",
  401: "Unauthorized: no key, or a key no integration has; SignatureInvalid: the plugin could not verify the request's signature (the push log says why)",
  403: 'IntegrationDisabled',
  404: 'RouteNotFound: no such plugin is enabled',
  409: 'PluginMismatch: the key belongs to an integration of another plugin',
  413: 'PayloadTooLarge: the body exceeds MAX_BODY_BYTES (decompressed, when sent compressed)',
  415: 'InvalidContentType: the body is not sent as a media type the plugin reads (`details.accepted`), or in a Content-Encoding other than gzip, deflate or br',
  422: "NoRoute: a shared integration has no routing rules and no default channel; MappingFailed: the integration's mapping cannot read the body, or it has none (`details.path` in the body, `details.field` in the mapping)",
  502: 'UpstreamUnavailable: a host the push relies on (a signing certificate, a subscription to confirm) could not be reached, or answered badly; senders retry (the push log says why)',
  503: 'Unavailable: the database cannot be reached or written; senders retry (Alertmanager does)',
};
