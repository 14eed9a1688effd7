import dns from 'node:dns';
import net, { BlockList, type LookupFunction } from 'node:net';

/**
 * Where a webhook may not go: this machine and the networks behind it. Without this, anyone
 * with an admin token could make the server POST into the newsroom's own network (or a cloud
 * metadata service), and the delivery log would report what answered.
 *
 * IPv4: every special-purpose block of the IANA registry that is not globally reachable.
 */
const IPV4_REFUSED: [string, number][] = [
  ['0.0.0.0', 8], // "this network", 0.0.0.0 included
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relays
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast included
];

/**
 * IPv6: only global unicast (2000::/3) is public. Outside it lie the unspecified and loopback
 * addresses, IPv4-mapped and -translated ones (which would reach IPv4 hosts by the back door),
 * unique-local, link-local, site-local and multicast. Inside it, these are not reachable or
 * embed an IPv4 address.
 */
const IPV6_REFUSED: [string, number][] = [
  ['2001::', 23], // IETF protocol assignments, Teredo included
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4
  ['3fff::', 20], // documentation
];

const refusedV4 = new BlockList();
for (const [network, prefix] of IPV4_REFUSED) refusedV4.addSubnet(network, prefix, 'ipv4');
const globalV6 = new BlockList();
globalV6.addSubnet('2000::', 3, 'ipv6');
const refusedV6 = new BlockList();
for (const [network, prefix] of IPV6_REFUSED) refusedV6.addSubnet(network, prefix, 'ipv6');

/** Whether an address (in its canonical form, as URL parsing and DNS give it) is on the public internet. */
export function isPublicAddress(address: string): boolean {
  // A zone index only ever goes with a link-local address.
  if (address.includes('%')) return false;
  const family = net.isIP(address);
  if (family === 4) return !refusedV4.check(address, 'ipv4');
  if (family === 6) return globalV6.check(address, 'ipv6') && !refusedV6.check(address, 'ipv6');
  return false;
}

/** The host a URL connects to; WHATWG parsing has already turned `2130706433`, `0x7f000001` or `127.1` into `127.0.0.1`. */
function hostOf(url: string): string {
  return new URL(url).hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
}

const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/** Why a webhook attempt was refused before it connected. */
export class RefusedTarget extends Error {
  readonly code = 'ERR_WEBHOOK_REFUSED_TARGET';
  constructor() {
    super('the webhook target is not a public address');
    this.name = 'RefusedTarget';
  }
}

/** How long a check at registration waits for DNS; a name that does not resolve yet is checked when sent to. */
const REGISTRATION_LOOKUP_MS = 3000;

export interface WebhookTargets {
  /** Why this URL may not be registered, or undefined when it may. */
  refusal(url: string): Promise<string | undefined>;
  /** Throws RefusedTarget for a URL whose host is an address that may not be reached. */
  assertAddress(url: string): void;
  /** For the HTTP client: resolves, refuses unless every address is public, and connects to the ones it checked. */
  lookup: LookupFunction | undefined;
}

const NOT_PUBLIC =
  'must reach a public address: loopback, private, link-local and other internal networks are refused (WEBHOOK_ALLOW_PRIVATE=true allows them)';

export function webhookTargets(allowPrivate: boolean): WebhookTargets {
  if (allowPrivate) return { refusal: () => Promise.resolve(undefined), assertAddress: () => undefined, lookup: undefined };

  const lookup: LookupFunction = (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const first = addresses[0];
      if (!first || addresses.some((a) => !isPublicAddress(a.address))) return callback(new RefusedTarget(), '');
      if (options.all) return callback(null, addresses);
      callback(null, first.address, first.family);
    });
  };

  return {
    async refusal(url) {
      const host = hostOf(url);
      if (net.isIP(host)) return isPublicAddress(host) ? undefined : NOT_PUBLIC;
      if (isLocalName(host)) return NOT_PUBLIC;
      let timer: NodeJS.Timeout | undefined;
      const resolved = await Promise.race([
        dns.promises.lookup(host, { all: true }),
        new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), REGISTRATION_LOOKUP_MS))),
      ])
        .catch(() => undefined)
        .finally(() => clearTimeout(timer));
      // The resolved address is not echoed: the answer must not tell what an internal name points at.
      return resolved?.some((a) => !isPublicAddress(a.address)) ? NOT_PUBLIC : undefined;
    },
    assertAddress(url) {
      const host = hostOf(url);
      if ((net.isIP(host) && !isPublicAddress(host)) || isLocalName(host)) throw new RefusedTarget();
    },
    lookup,
  };
}

/** A URL as it is shown back (API, admin page, logs): user and password, if any, become `***`. */
export function withoutCredentials(url: string): string {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (!parsed.username && !parsed.password)) return url;
  parsed.username = '***';
  parsed.password = '';
  return parsed.href;
}
