import { BlockList, isIPv4, isIPv6 } from 'node:net';

/**
 * Where a notification may not connect by default: loopback, RFC 1918, carrier-grade NAT,
 * link-local (with the cloud metadata address 169.254.169.254), IPv6 unique-local, and the
 * unspecified addresses. A subscription's URL is chosen by an admin, but the server may sit in a
 * network whose internal services trust it.
 */
export const DEFAULT_DENIED_ADDRESSES: readonly string[] = [
  '0.0.0.0/8',
  '127.0.0.0/8',
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '100.64.0.0/10',
  '169.254.0.0/16',
  '::/128',
  '::1/128',
  'fe80::/10',
  'fc00::/7',
];

/** A CIDR block (`10.0.0.0/8`, `fc00::/7`) or one address; undefined when it is neither. */
function parseBlock(
  text: string,
): { address: string; prefix: number; type: 'ipv4' | 'ipv6' } | undefined {
  const [address = '', prefixText, ...rest] = text.trim().split('/');
  if (rest.length > 0) return undefined;
  const type = isIPv4(address) ? 'ipv4' : isIPv6(address) ? 'ipv6' : undefined;
  if (type === undefined) return undefined;
  const max = type === 'ipv4' ? 32 : 128;
  const prefix = prefixText === undefined ? max : Number(prefixText);
  if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) return undefined;
  return { address, prefix, type };
}

/** Why a CIDR list entry is unusable, or undefined when it is fine. */
export function addressBlockProblem(text: string): string | undefined {
  return parseBlock(text) === undefined
    ? `"${text}" is not an IP address or a CIDR block (10.0.0.0/8, fc00::/7)`
    : undefined;
}

function blockListOf(blocks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const text of blocks) {
    const block = parseBlock(text);
    if (block === undefined) throw new Error(addressBlockProblem(text));
    list.addSubnet(block.address, block.prefix, block.type);
  }
  return list;
}

/**
 * Which resolved addresses outbound notifications may connect to: anything but the denied
 * blocks, except what the allowed blocks exempt (tests allow loopback this way). Checked on the
 * address the connection really goes to, after DNS, so a name resolving inside is refused too.
 */
export class AddressPolicy {
  private readonly denied: BlockList;
  private readonly allowed: BlockList;

  constructor(denied: readonly string[], allowed: readonly string[]) {
    this.denied = blockListOf(denied);
    this.allowed = blockListOf(allowed);
  }

  permits(address: string): boolean {
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is the IPv4 one.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    const plain = mapped ?? address;
    const type = isIPv4(plain) ? 'ipv4' : 'ipv6';
    if (this.allowed.check(plain, type)) return true;
    return !this.denied.check(plain, type);
  }
}
