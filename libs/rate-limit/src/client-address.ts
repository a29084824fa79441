import type { Request } from 'express';

/** Longest (peer, X-Forwarded-For) pair remembered: a longer header is resolved each time, never stored. */
const MAX_KEY_LENGTH = 256;

/**
 * The client address of a request, as Express gives it in `req.ip` (the TCP peer, or with TRUSTED_PROXIES the
 * nearest X-Forwarded-For hop that is not a trusted proxy), remembered per distinct (peer, X-Forwarded-For) in a
 * small LRU (issue 14). Each read of `req.ip` runs proxy-addr again, which parses every hop with ipaddr.js to
 * test it against the trusted ranges; behind a load balancer the same few addresses come back all the time.
 * The answer depends only on the peer, the header and the application's `trust proxy`, which is fixed at
 * start-up, so one cache per application (per guard) is exact.
 */
export class ClientAddresses {
  private readonly known = new Map<string, string>();

  constructor(private readonly capacity = 1000) {}

  of(req: Request): string {
    const peer = req.socket.remoteAddress ?? '';
    const forwarded = req.headers['x-forwarded-for'];
    const key = forwarded === undefined ? peer : `${peer}|${String(forwarded)}`;
    if (key.length > MAX_KEY_LENGTH) return resolve(req);
    const seen = this.known.get(key);
    if (seen !== undefined) {
      // Most recently used last: Map keeps insertion order, so the first key is the one to evict.
      this.known.delete(key);
      this.known.set(key, seen);
      return seen;
    }
    const address = resolve(req);
    this.known.set(key, address);
    if (this.known.size > this.capacity) {
      const oldest = this.known.keys().next();
      if (!oldest.done) this.known.delete(oldest.value);
    }
    return address;
  }

  /** Addresses held (for tests). */
  get size(): number {
    return this.known.size;
  }
}

function resolve(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
