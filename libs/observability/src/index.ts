export { CORRELATION_HEADER, currentCorrelationId, normalizeCorrelationId, runWithCorrelationId } from './correlation';
export { LoggingModule } from './logging.module';
export type { LoggingOptions } from './logging.module';
export { MetricsModule } from './metrics.module';
export { MetricsRegistry } from './metrics.registry';
export { maskPersonalData, maskSensitiveText } from './personal-data-mask';
export { buildPinoOptions, createLogger, logDestination } from './pino-options';
export type { PinoSettings } from './pino-options';
export { CorrelationMiddleware } from './correlation.middleware';
