import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { CORRELATION_HEADER, normalizeCorrelationId } from './correlation';
import { CorrelationMiddleware } from './correlation.middleware';
import { buildPinoOptions } from './pino-options';

export interface LoggingOptions {
  serviceName: string;
  level: string;
  pretty: boolean;
}

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * nestjs-pino wired for this project: JSON lines, the service name and correlation id on every
 * line, personal data masked, health and metrics requests not logged.
 */
@Module({})
export class LoggingModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*');
  }

  static forRoot(options: LoggingOptions): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            ...buildPinoOptions(options),
            genReqId: (req: IncomingMessage, res: ServerResponse) => {
              const id = normalizeCorrelationId(req.headers[CORRELATION_HEADER]);
              res.setHeader(CORRELATION_HEADER, id);
              return id;
            },
            customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
            autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => req.url?.startsWith(p)) },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
            },
          },
          exclude: [{ method: RequestMethod.ALL, path: 'health/{*path}' }],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
