import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

/** Where a delivery may go, checked on every attempt against the addresses the host name resolves to. */
export interface TargetPolicyOptions {
  /** Allow loopback, RFC 1918, ULA, link-local and CGNAT addresses (development). */
  allowPrivateTargets: boolean;
  /** Refuse plain `http:` (production). */
  requireHttps: boolean;
}

/** A resolved target: the address to connect to (and only that one). */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

export type TargetVerdict = { allowed: true; target: CheckedTarget } | { allowed: false; reason: string };

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/** Never a webhook target, whatever the mode: unspecified, "this network", multicast, reserved, broadcast. */
const NEVER = new BlockList();
NEVER.addSubnet('0.0.0.0', 8, 'ipv4');
NEVER.addSubnet('224.0.0.0', 4, 'ipv4');
NEVER.addSubnet('240.0.0.0', 4, 'ipv4');
NEVER.addAddress('::', 'ipv6');
NEVER.addSubnet('ff00::', 8, 'ipv6');

/** Internal addresses, refused unless `allowPrivateTargets`. */
const PRIVATE = new BlockList();
PRIVATE.addSubnet('127.0.0.0', 8, 'ipv4'); // loopback
PRIVATE.addSubnet('10.0.0.0', 8, 'ipv4'); // RFC 1918
PRIVATE.addSubnet('172.16.0.0', 12, 'ipv4');
PRIVATE.addSubnet('192.168.0.0', 16, 'ipv4');
PRIVATE.addSubnet('169.254.0.0', 16, 'ipv4'); // link-local (cloud metadata)
PRIVATE.addSubnet('100.64.0.0', 10, 'ipv4'); // CGNAT
PRIVATE.addSubnet('192.0.0.0', 24, 'ipv4'); // IETF protocol assignments
PRIVATE.addSubnet('198.18.0.0', 15, 'ipv4'); // benchmarking
PRIVATE.addAddress('::1', 'ipv6'); // loopback
PRIVATE.addSubnet('fc00::', 7, 'ipv6'); // unique local
PRIVATE.addSubnet('fe80::', 10, 'ipv6'); // link-local

/** The IPv4 address an IPv6 address embeds (`::ffff:a.b.c.d`, NAT64 `64:ff9b::a.b.c.d`), if any. */
function embeddedIpv4(address: string): string | null {
  const lower = address.toLowerCase();
  const match = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/.exec(lower);
  if (!match) return null;
  if (match[1]) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
}

/** Why an address may not be a target under these options, or null. */
export function addressRefusal(address: string, allowPrivateTargets: boolean): string | null {
  const family = isIP(address);
  if (family === 0) return 'not an IP address';
  const v4 = family === 6 ? embeddedIpv4(address) : null;
  const [checked, type] = v4
    ? [v4, 'ipv4' as const]
    : [address, family === 4 ? ('ipv4' as const) : ('ipv6' as const)];
  if (NEVER.check(checked, type)) return 'unspecified, multicast or reserved address';
  if (!allowPrivateTargets && PRIVATE.check(checked, type)) {
    return 'loopback, private, link-local or shared address';
  }
  return null;
}

/**
 * The SSRF guard of deliveries: the scheme, then EVERY address the host resolves to (one bad address
 * refuses the target: a resolver may return it next time). The caller connects to the returned address
 * only (no second resolution, so no DNS rebinding between check and connect).
 */
export class TargetPolicy {
  constructor(
    private readonly options: TargetPolicyOptions,
    private readonly resolve: Resolver = systemResolver,
  ) {}

  async check(rawUrl: string): Promise<TargetVerdict> {
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      return { allowed: false, reason: 'not an absolute URL' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { allowed: false, reason: `scheme ${url.protocol} is not http(s)` };
    }
    if (url.protocol === 'http:' && this.options.requireHttps) {
      return { allowed: false, reason: 'plain http is not allowed (requireHttps)' };
    }
    if (url.username || url.password) return { allowed: false, reason: 'URL credentials are not allowed' };
    // `new URL` keeps IPv6 literals in brackets.
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    let addresses: { address: string; family: number }[];
    if (isIP(host)) {
      addresses = [{ address: host, family: isIP(host) }];
    } else {
      try {
        addresses = await this.resolve(host);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return {
          allowed: false,
          reason: `host did not resolve (${typeof code === 'string' ? code : 'error'})`,
        };
      }
    }
    if (addresses.length === 0) return { allowed: false, reason: 'host did not resolve' };
    for (const { address } of addresses) {
      const refusal = addressRefusal(address, this.options.allowPrivateTargets);
      if (refusal) return { allowed: false, reason: `${refusal} refused` };
    }
    const [first] = addresses;
    return { allowed: true, target: { url, address: first.address, family: first.family === 6 ? 6 : 4 } };
  }
}
