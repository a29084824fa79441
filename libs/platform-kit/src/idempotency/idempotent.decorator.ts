import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { IdempotencyInterceptor } from './idempotency.interceptor';

export const IDEMPOTENT_KEY = 'legal:idempotent';
export const IDEMPOTENCY_HEADER = 'idempotency-key';

export interface IdempotentOptions {
  /** How long a completed response is replayed (seconds); default 24 hours. */
  ttlSeconds?: number;
}

/**
 * Honours an `Idempotency-Key` header on a POST: the first response (status and body) is kept in
 * Redis and replayed for a retry with the same key and the same request; the same key with a
 * different request is a 422; a retry while the first is still running is a 409.
 */
export const Idempotent = (options: IdempotentOptions = {}): MethodDecorator =>
  applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'Client-chosen unique key (a UUID) that makes a retry of this POST safe: the first response is returned again',
      example: '9b2f3c1e-7a1d-4c55-8f0e-2d5c1a3b4e6f',
    }),
    ApiResponse({ status: 409, description: 'A request with this Idempotency-Key is still being processed' }),
    ApiResponse({
      status: 422,
      description: 'This Idempotency-Key was already used with a different request (code idempotency-key-reused)',
    }),
  );
