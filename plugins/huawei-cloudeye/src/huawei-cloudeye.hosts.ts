/**
 * Hosts Alert Hub may contact for this plugin. Signing certificates are served by each region's
 * SMN endpoint, `smn.<region>.myhuaweicloud.com` (real messages of cn-north-4 and sa-brazil-1),
 * `.eu` and `.cn` in a few regions (Apache HertzBeat's list of SMN endpoints: eu-west-101,
 * cn-north-2). Confirmation URLs are on the console: `console.huaweicloud.com` (cn-north-4),
 * `sa-brazil-1-console.huaweicloud.com`; a `*` is one whole DNS label, so `*.huaweicloud.com`.
 */
export const HUAWEI_CLOUDEYE_OUTBOUND_HOSTS: readonly string[] = [
  'smn.*.myhuaweicloud.com',
  'smn.*.myhuaweicloud.eu',
  'smn.*.myhuaweicloud.cn',
  '*.huaweicloud.com',
];

/**
 * The shape of a signing certificate URL SMN sends (`https://smn.<region>…/smn/….pem`). The
 * allowlist above also admits console hosts, which serve no certificates: a URL elsewhere on them
 * is refused before anything is fetched.
 */
export function isSmnCertificateUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.hostname.startsWith('smn.') &&
    parsed.pathname.startsWith('/smn/') &&
    parsed.pathname.endsWith('.pem')
  );
}
