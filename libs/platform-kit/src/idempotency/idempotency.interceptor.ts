import { CallHandler, ExecutionContext, HttpStatus, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AuthenticatedRequest } from '@legal/auth';
import { ConflictError, DomainError, InvalidInputError } from '@legal/http';
import { InjectRedis } from '@legal/redis';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { catchError, from, mergeMap, Observable, of, throwError } from 'rxjs';
import { idempotencyRedisKey, isValidIdempotencyKey, requestFingerprint } from './idempotency-fingerprint';
import { IDEMPOTENCY_HEADER, IDEMPOTENT_KEY, IdempotentOptions } from './idempotent.decorator';

const IN_FLIGHT_SECONDS = 60;
const DEFAULT_TTL_SECONDS = 24 * 3600;

type StoredRecord =
  | { state: 'in-flight'; fingerprint: string; owner: string }
  | { state: 'done'; fingerprint: string; status: number; body: unknown };

/** Deletes the key only while it still holds this request's in-flight marker. */
const RELEASE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current and string.find(current, ARGV[1], 1, true) then return redis.call('DEL', KEYS[1]) end
return 0`;

@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger(IdempotencyInterceptor.name);

  constructor(
    private readonly reflector: Reflector,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const options = this.reflector.get<IdempotentOptions | undefined>(IDEMPOTENT_KEY, context.getHandler());
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers[IDEMPOTENCY_HEADER];
    if (!options || req.method !== 'POST' || header === undefined) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || !isValidIdempotencyKey(key)) {
      throw new InvalidInputError([
        {
          field: 'Idempotency-Key',
          messages: ['Idempotency-Key must be 1-255 visible ASCII characters'],
          codes: ['idempotencyKey'],
        },
      ]);
    }
    const caller = req.user?.subject ?? 'anonymous';
    const route = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const fingerprint = requestFingerprint({ method: req.method, route, caller, body: req.body as unknown });
    const redisKey = idempotencyRedisKey(caller, key);
    const owner = randomUUID();
    const claimed = await this.redis.set(
      redisKey,
      JSON.stringify({ state: 'in-flight', fingerprint, owner } satisfies StoredRecord),
      'EX',
      IN_FLIGHT_SECONDS,
      'NX',
    );
    const res = context.switchToHttp().getResponse<Response>();
    if (claimed !== 'OK') return of(await this.replay(redisKey, fingerprint, res));
    const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
    return next.handle().pipe(
      mergeMap((body: unknown) =>
        from(
          (async () => {
            const stored: StoredRecord = {
              state: 'done',
              fingerprint,
              status: res.statusCode,
              body: body === undefined ? null : (JSON.parse(JSON.stringify(body)) as unknown),
            };
            await this.redis.set(redisKey, JSON.stringify(stored), 'EX', ttl);
            return body;
          })(),
        ),
      ),
      catchError((error: unknown) =>
        from(
          this.redis
            .eval(RELEASE_SCRIPT, 1, redisKey, owner)
            .catch((e: unknown) => this.logger.warn({ err: e }, 'could not release idempotency key')),
        ).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async replay(redisKey: string, fingerprint: string, res: Response): Promise<unknown> {
    const raw = await this.redis.get(redisKey);
    if (raw === null) {
      // The first attempt failed and released the key between our SET and GET: ask for a retry.
      throw new ConflictError(
        'idempotency-request-in-flight',
        'A request with this Idempotency-Key was just being processed; retry it',
      );
    }
    const stored = JSON.parse(raw) as StoredRecord;
    if (stored.fingerprint !== fingerprint) {
      throw new DomainError(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    if (stored.state === 'in-flight') {
      throw new ConflictError(
        'idempotency-request-in-flight',
        'A request with this Idempotency-Key is still being processed; retry it later',
      );
    }
    res.status(stored.status);
    res.setHeader('Idempotent-Replayed', 'true');
    return stored.body;
  }
}
