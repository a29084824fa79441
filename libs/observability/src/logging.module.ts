import { DynamicModule, MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { CORRELATION_HEADER, normalizeCorrelationId } from './correlation';
import { CorrelationMiddleware } from './correlation.middleware';
import { maskSensitiveText } from './personal-data-mask';
import { buildPinoOptions, logDestination } from './pino-options';

export interface LoggingOptions {
  serviceName: string;
  level: string;
  pretty: boolean;
}

/** `%20`, `+` and friends must not hide a number from the mask: decode before masking. */
function decodedUrl(url: string): string {
  try {
    return decodeURIComponent(url.replace(/\+/g, ' '));
  } catch {
    return url.replace(/%[0-9A-Fa-f]{2}/g, ' ');
  }
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
    const pinoHttpOptions: PinoHttpOptions = {
      ...buildPinoOptions(options),
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const id = normalizeCorrelationId(req.headers[CORRELATION_HEADER]);
        res.setHeader(CORRELATION_HEADER, id);
        return id;
      },
      customProps: (req: IncomingMessage) => ({ correlationId: (req as IncomingMessage & { id?: unknown }).id }),
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.some((p) => req.url?.startsWith(p)) },
      serializers: {
        // The request is a child-logger binding, which formatters.log never sees: mask its URL here
        // (paths and query strings carry phone and ID-card numbers, e.g. caller look-ups).
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: maskSensitiveText(decodedUrl(req.url ?? '')),
        }),
        // The standard serializer reports null unless `headersSent` is already true when it runs, which
        // it is not for responses Nest sends: read the status from the raw response (headers are not logged).
        res: (res: { statusCode: number | null; raw?: ServerResponse }) => ({
          statusCode: res.raw?.statusCode ?? res.statusCode,
        }),
      },
    };
    // LOG_FILE (tests' log scan, hosts without a log collector): lines go to that file instead of stdout.
    const destination = options.pretty ? undefined : logDestination();
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: destination ? [pinoHttpOptions, destination] : pinoHttpOptions,
          exclude: [{ method: RequestMethod.ALL, path: 'health/{*path}' }],
        }),
      ],
      exports: [LoggerModule],
    };
  }
}
