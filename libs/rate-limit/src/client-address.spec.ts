import express from 'express';
import type { Request } from 'express';
import { ClientAddresses } from './client-address';

/** A request of a real Express application (its own `trust proxy`), from `peer`, with an X-Forwarded-For. */
function requestOf(app: express.Express, peer: string, forwarded?: string): Request {
  const req = Object.create(app.request) as Request;
  const socket = { remoteAddress: peer };
  Object.assign(req, { app, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded }, socket });
  Object.defineProperty(req, 'connection', { value: socket });
  return req;
}

function appTrusting(list: string): express.Express {
  const app = express();
  // As the service kit sets it from TRUSTED_PROXIES: the listed entries, or false for none.
  app.set('trust proxy', list === '' ? false : list.split(',').map((e) => e.trim()));
  return app;
}

/** The same request, whose req.ip must not be read again (the answer has to come from the cache). */
function unreadable(req: Request): Request {
  Object.defineProperty(req, 'ip', {
    get: () => {
      throw new Error('req.ip read again');
    },
  });
  return req;
}

describe('ClientAddresses', () => {
  it.each([
    ['', '10.0.0.5', '203.0.113.7', '10.0.0.5'],
    ['10.0.0.0/8', '10.0.0.5', '203.0.113.7', '203.0.113.7'],
    ['10.0.0.0/8', '10.0.0.5', '203.0.113.7, 10.0.0.9', '203.0.113.7'],
    ['10.0.0.0/8', '10.0.0.5', '198.18.0.1, 203.0.113.7', '203.0.113.7'],
    ['10.0.0.0/8', '192.0.2.1', '203.0.113.7', '192.0.2.1'],
    ['loopback', '::ffff:127.0.0.1', '2001:db8::1', '2001:db8::1'],
    ['10.0.0.0/8', '10.0.0.5', undefined, '10.0.0.5'],
  ])(
    'with TRUSTED_PROXIES %j, peer %s and X-Forwarded-For %j gives %s, as req.ip does',
    (list, peer, xff, expected) => {
      const app = appTrusting(list);
      const clients = new ClientAddresses();
      expect(requestOf(app, peer, xff).ip).toBe(expected);
      expect(clients.of(requestOf(app, peer, xff))).toBe(expected);
      expect(clients.of(unreadable(requestOf(app, peer, xff)))).toBe(expected);
    },
  );

  it('keys by peer and header: another forwarded client behind the same proxy is resolved, not taken from the cache', () => {
    const app = appTrusting('10.0.0.0/8');
    const clients = new ClientAddresses();
    expect(clients.of(requestOf(app, '10.0.0.5', '203.0.113.7'))).toBe('203.0.113.7');
    expect(clients.of(requestOf(app, '10.0.0.5', '203.0.113.8'))).toBe('203.0.113.8');
    expect(clients.of(requestOf(app, '192.0.2.1', '203.0.113.7'))).toBe('192.0.2.1');
  });

  it('holds at most its capacity, dropping the least recently used address', () => {
    const app = appTrusting('10.0.0.0/8');
    const clients = new ClientAddresses(2);
    clients.of(requestOf(app, '10.0.0.5', '203.0.113.1'));
    clients.of(requestOf(app, '10.0.0.5', '203.0.113.2'));
    clients.of(unreadable(requestOf(app, '10.0.0.5', '203.0.113.1'))); // used again: .2 is now the oldest
    clients.of(requestOf(app, '10.0.0.5', '203.0.113.3'));
    expect(clients.size).toBe(2);
    expect(clients.of(unreadable(requestOf(app, '10.0.0.5', '203.0.113.1')))).toBe('203.0.113.1');
    expect(() => clients.of(unreadable(requestOf(app, '10.0.0.5', '203.0.113.2')))).toThrow('req.ip read again');
  });

  it('does not store a long X-Forwarded-For (resolved each time instead)', () => {
    const app = appTrusting('10.0.0.0/8');
    const clients = new ClientAddresses();
    const chain = Array.from({ length: 40 }, (_, i) => `198.18.0.${i + 1}`).join(', ');
    expect(clients.of(requestOf(app, '10.0.0.5', chain))).toBe('198.18.0.40');
    expect(clients.size).toBe(0);
  });
});
