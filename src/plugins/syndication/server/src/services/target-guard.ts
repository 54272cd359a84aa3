import dns from 'dns';
import net from 'net';
import type { Core } from '@strapi/strapi';
import type { SyndicationConfig } from '../config';
import { PLUGIN_ID } from '../utils/get-service';

/** Addresses a webhook must never reach unless the operator allows it (SSRF guard). */
const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

export const isPrivateAddress = (address: string): boolean => {
  const family = net.isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    return mapped ? blocked.check(mapped[1], 'ipv4') : blocked.check(address, 'ipv6');
  }
  return true; // not an address at all: refuse
};

export class TargetRefusedError extends Error {}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * Where a subscriber URL may point. Checked when an admin saves the URL and again on every
 * send, at connection time (DNS answers can change between the two).
 */
export const createTargetGuard = ({ strapi }: { strapi: Core.Strapi }) => {
  const allowPrivate = () => (strapi.config.get(`plugin::${PLUGIN_ID}`) as SyndicationConfig).allowPrivateTargets;

  const refuse = (host: string, address: string) =>
    new TargetRefusedError(
      `${host} resolves to ${address}, a loopback, private or link-local address; set SYNDICATION_ALLOW_PRIVATE_TARGETS=true to allow it`,
    );

  /** Parses and checks a subscriber URL; resolves its host name. Throws TargetRefusedError. */
  const checkUrl = async (raw: string) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new TargetRefusedError('must be an absolute http(s) URL such as "https://partner.example/webhooks"');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TargetRefusedError('must use http or https');
    if (url.username || url.password) throw new TargetRefusedError('must not contain a user name or password');
    if (allowPrivate()) return url;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = net.isIP(host)
      ? [host]
      : await dns.promises
          .lookup(host, { all: true, verbatim: true })
          .then((found) => found.map((entry) => entry.address))
          .catch(() => {
            throw new TargetRefusedError(`host ${host} cannot be resolved`);
          });
    const privateAddress = addresses.find(isPrivateAddress);
    if (privateAddress) throw refuse(host, privateAddress);
    return url;
  };

  /** A `lookup` for http.request that refuses private answers at connection time. */
  const lookup = (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as dns.LookupAddress[];
      const privateAddress = allowPrivate() ? undefined : list.find((entry) => isPrivateAddress(entry.address));
      if (privateAddress) return callback(refuse(hostname, privateAddress.address) as NodeJS.ErrnoException, '');
      if (options.all) return callback(null, list);
      return callback(null, list[0].address, list[0].family);
    });
  };

  return { checkUrl, lookup, allowPrivate };
};

export type TargetGuardService = ReturnType<typeof createTargetGuard>;
