import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { DomainError } from '@legal/http';
import { currentCorrelationId, isTransientInfrastructureError } from '@legal/observability';
import type { Request, Response } from 'express';
import { GEOREPORT_XML_CONTENT_TYPE, toGeoReportXml } from './open311-xml';

/** One GeoReport v2 error: `code` (the HTTP status) and a description a client can show. */
export interface GeoReportError {
  code: number;
  description: string;
}

/** Nest's `{ message }` body, a string or a list. */
function httpExceptionMessages(exception: HttpException): string[] {
  const body = exception.getResponse();
  if (typeof body === 'string') return [body];
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.map(String);
  return [typeof message === 'string' ? message : exception.message];
}

/** The GeoReport error array for any exception (pure; also used by the spec). */
export function toGeoReportErrors(exception: unknown): {
  status: number;
  errors: GeoReportError[];
  retryAfterSeconds?: number;
} {
  if (exception instanceof DomainError) {
    const status = exception.status;
    const retry = Number(exception.extensions?.['retryAfterSeconds']);
    const retryAfter = Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {};
    const fieldErrors = exception.errors ?? [];
    if (fieldErrors.length === 0)
      return { status, errors: [{ code: status, description: exception.message }], ...retryAfter };
    const errors = fieldErrors.map((e) => ({ code: status, description: `${e.field}: ${e.messages.join('; ')}` }));
    return { status, errors, ...retryAfter };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    return { status, errors: httpExceptionMessages(exception).map((description) => ({ code: status, description })) };
  }
  if (isTransientInfrastructureError(exception)) {
    const status = HttpStatus.SERVICE_UNAVAILABLE;
    return {
      status,
      errors: [{ code: status, description: 'Briefly unavailable; nothing was changed. Try again shortly.' }],
      retryAfterSeconds: 2,
    };
  }
  return { status: 500, errors: [{ code: 500, description: 'An unexpected error occurred' }] };
}

/** Whether a request went to a GeoReport `.xml` route (its errors are XML too). */
export function isGeoReportXmlPath(path: string): boolean {
  return /\.xml$/i.test(path);
}

/**
 * Open311 routes answer errors the GeoReport v2 way: a JSON array of `{ code, description }` (one per
 * invalid field for a 400), or on `.xml` routes the same as `<errors><error><code/><description/></error></errors>`
 * (text/xml), instead of the problem+json the rest of the API uses. A 500 carries the
 * correlation id in its description to find the log line, and nothing of the internals.
 */
@Catch()
export class Open311ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(Open311ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    const { status, errors, retryAfterSeconds } = toGeoReportErrors(exception);
    const correlationId = currentCorrelationId();
    if (status >= 500) this.logger.error({ err: exception, correlationId }, 'open311 request failed');
    if (res.headersSent) return;
    if (retryAfterSeconds !== undefined && (status === 429 || status === 503))
      res.setHeader('Retry-After', String(retryAfterSeconds));
    const body =
      status === 500 && correlationId
        ? errors.map((e) => ({ ...e, description: `${e.description} (correlation id ${correlationId})` }))
        : errors;
    if (isGeoReportXmlPath(host.switchToHttp().getRequest<Request>().path ?? '')) {
      res
        .status(status)
        .type(GEOREPORT_XML_CONTENT_TYPE)
        .send(toGeoReportXml({ kind: 'errors', items: body }));
      return;
    }
    res.status(status).json(body);
  }
}
