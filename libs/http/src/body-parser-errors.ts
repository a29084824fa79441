import { HttpStatus } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';

interface BodyParserError {
  status: number;
  type: string;
  message?: string;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return (
    typeof e === 'object' &&
    e !== null &&
    typeof (e as BodyParserError).type === 'string' &&
    typeof (e as BodyParserError).status === 'number'
  );
}

/** The 4xx status an http-errors error (what body-parser and raw-body throw) carries, if any. */
function clientErrorStatus(e: unknown): number | undefined {
  if (typeof e !== 'object' || e === null || (e as { expose?: unknown }).expose !== true) return undefined;
  const status = (e as { status?: unknown }).status ?? (e as { statusCode?: unknown }).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}

/**
 * Express error middleware placed right after the body parsers: turns their errors (bad JSON,
 * body too large, unsupported charset) into domain errors with stable codes, so the problem
 * filter answers them like every other client error.
 */
export function mapBodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  if (!isBodyParserError(err)) {
    // A body that cannot be decoded (e.g. `Content-Encoding: gzip` with bytes that are not gzip): body-parser
    // passes on the zlib error as a typeless 400. The client's fault, not a 500 (found by openapi-fuzz.int-spec.ts).
    const status = clientErrorStatus(err);
    if (status !== undefined)
      return next(new DomainError('unreadable-body', 'The request body could not be read', status));
    return next(err);
  }
  switch (err.type) {
    case 'entity.too.large':
      return next(
        new DomainError(
          'payload-too-large',
          'The request body is larger than this endpoint accepts',
          HttpStatus.PAYLOAD_TOO_LARGE,
        ),
      );
    case 'entity.too.deep':
      return next(
        new DomainError(
          'body-too-deep',
          err.message ?? 'The request body is nested too deeply',
          HttpStatus.BAD_REQUEST,
        ),
      );
    case 'entity.parse.failed':
      return next(new DomainError('malformed-body', 'The request body is not valid JSON', HttpStatus.BAD_REQUEST));
    default:
      return next(
        new DomainError(
          'unreadable-body',
          'The request body could not be read',
          err.status >= 400 && err.status < 500 ? err.status : HttpStatus.BAD_REQUEST,
        ),
      );
  }
}
