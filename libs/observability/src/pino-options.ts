import pino, { DestinationStream, LoggerOptions } from 'pino';
import { currentCorrelationId } from './correlation';
import { maskPersonalData, maskSensitiveText } from './personal-data-mask';

export interface PinoSettings {
  serviceName: string;
  level: string;
  pretty: boolean;
}

/** The one pino configuration every service and script uses. */
export function buildPinoOptions(settings: PinoSettings): LoggerOptions {
  return {
    level: settings.level,
    base: { service: settings.serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'headers.authorization',
        '*.authorization',
        'req.headers["x-access-code"]',
        'headers["x-access-code"]',
      ],
      censor: '[redacted]',
    },
    // Request-scoped loggers already carry the id as a binding; other lines take it from the
    // async context (Kafka handlers, timers started inside a request).
    mixin: (_object, _level, logger) => {
      if ('correlationId' in logger.bindings()) return {};
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
    formatters: {
      level: (label) => ({ level: label }),
      log: (object) => maskPersonalData(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskSensitiveText(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
    transport: settings.pretty ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
  };
}

/**
 * Where log lines go: stdout, or the file named by LOG_FILE (appended, written synchronously so
 * that nothing is lost at exit). Tests use the file to scan every line a service wrote.
 */
export function logDestination(file: string | undefined = process.env.LOG_FILE): DestinationStream | undefined {
  return file ? pino.destination({ dest: file, append: true, sync: true, mkdir: true }) : undefined;
}

/** A plain pino logger for code that runs outside Nest (scripts, the relay before boot). */
export function createLogger(settings: PinoSettings): pino.Logger {
  const destination = settings.pretty ? undefined : logDestination();
  return destination ? pino(buildPinoOptions(settings), destination) : pino(buildPinoOptions(settings));
}
