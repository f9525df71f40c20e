import { isIP } from 'node:net';
import { ConfigError } from './config.error';

/**
 * Which `X-Forwarded-For` hops to believe: `false` (none: the socket address is the client), a hop count
 * (the address N proxies in front of us), or the proxies' own addresses/CIDRs (and proxy-addr's named
 * ranges `loopback`, `linklocal`, `uniquelocal`). Never "every hop": the left-most entry is whatever the
 * client wrote, and the short-link rate limit and the webhook source allowlist key on the address this
 * yields. `true` means proxies on loopback or private networks. The client address is the first untrusted
 * one counting from the socket.
 */
export type TrustProxySetting = false | number | string[];

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function readTrustProxy(raw: string | undefined): TrustProxySetting {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return ['loopback', 'linklocal', 'uniquelocal'];
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops < 1 || hops > 10) throw new ConfigError('TRUST_PROXY', 'as a hop count must be 1 to 10');
    return hops;
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) {
      throw new ConfigError(
        'TRUST_PROXY',
        'must be false, true, a hop count (1-10), or comma-separated proxy addresses, CIDRs or loopback/linklocal/uniquelocal',
      );
    }
  }
  return entries;
}

function isAddressOrCidr(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

/**
 * Fastify's `trustProxy` for a setting. A bare number would not do: this Fastify fails closed on a hop count
 * (it trusts no hop at all, since it cannot check who the immediate peer is), so a count becomes the
 * equivalent function. With a hop count, the service must be reachable only through those proxies.
 */
export function fastifyTrustProxy(
  setting: TrustProxySetting,
): boolean | string | ((address: string, hop: number) => boolean) {
  if (setting === false) return false;
  if (typeof setting === 'number') return (_address: string, hop: number) => hop < setting;
  return setting.join(',');
}
