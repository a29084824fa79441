import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER, normalizeCorrelationId, runWithCorrelationId } from './correlation';

/**
 * Makes the request's correlation id (set by pino-http from `x-correlation-id`, or new) the
 * async-context id, so events written to the outbox during the request carry it too.
 */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const existing = res.getHeader(CORRELATION_HEADER);
    const id = normalizeCorrelationId(existing ?? req.headers[CORRELATION_HEADER]);
    res.setHeader(CORRELATION_HEADER, id);
    runWithCorrelationId(id, next);
  }
}
