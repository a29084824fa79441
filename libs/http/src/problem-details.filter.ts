import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { currentCorrelationId, isTransientInfrastructureError } from '@legal/observability';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError } from './domain-error';
import { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, ProblemDetails } from './problem-details';

function slug(status: number): string {
  return (STATUS_CODES[status] ?? 'error').toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Detail text from an HttpException whose body may be a string or Nest's `{ message }` object. */
function httpExceptionDetail(exception: HttpException): string {
  const body = exception.getResponse();
  if (typeof body === 'string') return body;
  const message = (body as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Seconds a client is told to wait after a 503 caused by a database, Redis or Kafka hiccup. */
export const DEPENDENCY_RETRY_AFTER_SECONDS = 2;

/**
 * Every error leaves the service as RFC 9457 problem+json. An error that is the infrastructure's
 * fault (connection pool exhausted, database restarting, deadlock victim, broker unreachable)
 * becomes a 503 with Retry-After: nothing was changed and the same request may simply be sent
 * again. Other unknown errors become a 500 that reveals nothing of the internals but carries the
 * correlation id to find the log line.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request>();
    const res = ctx.getResponse<Response>();
    const problem = this.toProblem(exception, req);
    if (problem.code === 'dependency-unavailable')
      this.logger.warn(
        { err: exception, correlationId: problem.correlationId },
        'dependency unavailable: answered 503',
      );
    else if (problem.status >= 500)
      this.logger.error({ err: exception, correlationId: problem.correlationId }, 'unhandled error');
    if (res.headersSent) return;
    if (
      (problem.status === HttpStatus.TOO_MANY_REQUESTS || problem.status === HttpStatus.SERVICE_UNAVAILABLE) &&
      typeof problem.retryAfterSeconds === 'number'
    ) {
      res.setHeader('Retry-After', String(problem.retryAfterSeconds));
    }
    res.status(problem.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
  }

  private toProblem(exception: unknown, req: Request): ProblemDetails {
    const correlationId = currentCorrelationId() ?? (req as Request & { id?: string }).id;
    const base = { instance: req.originalUrl ?? req.url, correlationId };
    if (exception instanceof DomainError) {
      return {
        type: `${PROBLEM_TYPE_BASE}${exception.code}`,
        title: STATUS_CODES[exception.status] ?? 'Error',
        status: exception.status,
        detail: exception.message,
        code: exception.code,
        ...base,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...exception.extensions,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const health = healthReport(exception);
      return {
        type: `${PROBLEM_TYPE_BASE}${health ? 'not-ready' : slug(status)}`,
        title: STATUS_CODES[status] ?? 'Error',
        status,
        detail: health
          ? `Not ready: ${Object.keys(health.error).join(', ') || 'shutting down'} down`
          : httpExceptionDetail(exception),
        code: health ? 'not-ready' : slug(status),
        ...base,
        ...(health ? { error: health.error, info: health.info, details: health.details } : {}),
      };
    }
    if (isTransientInfrastructureError(exception)) {
      return {
        type: `${PROBLEM_TYPE_BASE}dependency-unavailable`,
        title: 'Service Unavailable',
        status: HttpStatus.SERVICE_UNAVAILABLE,
        detail: 'A system this service depends on is briefly unavailable; nothing was changed. Try again shortly.',
        code: 'dependency-unavailable',
        retryAfterSeconds: DEPENDENCY_RETRY_AFTER_SECONDS,
        ...base,
      };
    }
    return {
      type: `${PROBLEM_TYPE_BASE}internal-error`,
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      code: 'internal-error',
      ...base,
    };
  }
}

interface HealthReport {
  error: Record<string, unknown>;
  info: Record<string, unknown>;
  details: Record<string, unknown>;
}

/** Terminus answers a failed readiness check with its report as the exception body: keep it. */
function healthReport(exception: HttpException): HealthReport | undefined {
  const body = exception.getResponse();
  if (typeof body !== 'object' || body === null || !('details' in body) || !('error' in body)) return undefined;
  const report = body as Partial<HealthReport>;
  return { error: report.error ?? {}, info: report.info ?? {}, details: report.details ?? {} };
}
