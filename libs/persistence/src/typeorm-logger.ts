import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Routes TypeORM's messages through Nest's logger (so through pino and its personal-data
 * masking) and never logs query parameters: a failed INSERT of an applicant must not put their
 * ID-card number in a log line.
 */
export class TypeOrmPinoLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('typeorm');

  logQuery(): void {
    // Queries are not logged: too verbose, and their parameters may hold personal data.
  }

  logQueryError(error: string | Error, query: string): void {
    this.logger.error(
      { err: typeof error === 'string' ? error : error.message, query: query.slice(0, 500) },
      'query failed',
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ durationMs: time, query: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = typeof message === 'string' ? message : JSON.stringify(message);
    if (level === 'warn') this.logger.warn(text);
    else this.logger.log(text);
  }
}
