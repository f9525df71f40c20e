import { isIPv4 } from 'node:net';

/**
 * True when `ip` matches an entry (an exact address or an IPv4 CIDR). An empty list allows all.
 * IPv4-mapped IPv6 addresses (`::ffff:10.0.0.1`, how Node reports IPv4 on a dual-stack socket)
 * are compared as IPv4.
 */
export function isIpAllowed(ip: string, allowlist: readonly string[]): boolean {
  if (allowlist.length === 0) return true;
  const address = ip.startsWith('::ffff:') && isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  return allowlist.some((entry) => matches(address, entry));
}

function matches(address: string, entry: string): boolean {
  const [base, bits] = entry.split('/');
  if (bits === undefined) return address === base;
  if (!isIPv4(address) || !isIPv4(base)) return false;
  const prefix = Number(bits);
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (toInt(address) & mask) >>> 0 === (toInt(base) & mask) >>> 0;
}

function toInt(ipv4: string): number {
  return ipv4.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);
}
