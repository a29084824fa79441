import express from 'express';
import request from 'supertest';
import { mapBodyParserErrors } from './body-parser-errors';
import { DomainError } from './domain-error';

describe('mapBodyParserErrors', () => {
  const app = express();
  app.use(express.json());
  app.use(mapBodyParserErrors);
  app.post('/x', (req, res) => res.json(req.body));
  app.use((err: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    if (err instanceof DomainError) res.status(err.status).json({ code: err.code });
    else res.status(500).json({ code: 'internal-error' });
  });

  it('turns a body that does not decompress (Content-Encoding: gzip, bytes not gzip) into 400 unreadable-body, not a 500', async () => {
    const res = await request(app)
      .post('/x')
      .set('content-type', 'application/json')
      .set('content-encoding', 'gzip')
      .send('{"a":1}');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ code: 'unreadable-body' });
  });

  it('maps bad JSON and unknown encodings as before', async () => {
    expect((await request(app).post('/x').set('content-type', 'application/json').send('{')).body).toEqual({
      code: 'malformed-body',
    });
    const bogus = await request(app)
      .post('/x')
      .set('content-type', 'application/json')
      .set('content-encoding', 'bogus')
      .send('{}');
    expect(bogus.status).toBe(415);
    expect(bogus.body).toEqual({ code: 'unreadable-body' });
  });
});
