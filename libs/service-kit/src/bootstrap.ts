import 'reflect-metadata';
import { DynamicModule, INestApplication, Logger as NestLogger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication, NestExpressBodyParserOptionsMap } from '@nestjs/platform-express';
import { BaseEnv, ConfigError, loadConfig } from '@legal/config';
import { HealthRegistry } from '@legal/health';
import { MessagingRuntime } from '@legal/messaging';
import { createValidationPipe, InputGuard, mapBodyParserErrors, MAX_JSON_DEPTH, verifyJsonDepth } from '@legal/http';
import { Logger } from 'nestjs-pino';
import { buildOpenApiDocument, mountOpenApi } from './openapi';
import type { ServiceDefinition } from './service-definition';
import { ServiceKitModule } from './service-kit.module';

@Module({})
class ServiceRootModule {}

/** The kit (config, logging, metrics, stores, health) plus the service's own domain module. */
export function composeRootModule<E extends BaseEnv>(definition: ServiceDefinition<E>, env: E): DynamicModule {
  return {
    module: ServiceRootModule,
    imports: [
      ServiceKitModule.forRoot({
        serviceName: definition.name,
        env,
        envClass: definition.envClass,
        entities: definition.persistence.entities,
        migrations: definition.persistence.migrations,
      }),
      definition.rootModule(env),
    ],
  };
}

export interface RunningService<E extends BaseEnv = BaseEnv> {
  app: INestApplication;
  env: E;
  url: string;
  /** Graceful stop: readiness goes red, the listener closes, in-flight work finishes, connections close. */
  stop: () => Promise<void>;
}

export interface StartOptions {
  /**
   * After the listener is up, wait this long (at most) for the topics and every consumer group to join before
   * returning.
   * Never delays `listen`: HTTP answers (reads, intake that only needs the outbox) while groups join.
   * Default 20000, so in-process tests get joined consumers; a service process (`bootstrapService`) waits 0.
   */
  consumersJoinWaitMs?: number;
}

/**
 * Creates, configures and starts a service. Used by every `main.ts` and by end-to-end tests
 * (with `overrides` for port 0, an isolated schema and a topic prefix).
 */
export async function startService<E extends BaseEnv>(
  definition: ServiceDefinition<E>,
  overrides: Partial<Record<keyof E, unknown>> = {},
  environment: NodeJS.ProcessEnv = process.env,
  { consumersJoinWaitMs = 20000 }: StartOptions = {},
): Promise<RunningService<E>> {
  const env = loadConfig(
    definition.envClass,
    { ...definition.defaults, ...overrides },
    { ...environment, ...stringify(overrides) },
  );
  const app = await NestFactory.create<NestExpressApplication>(composeRootModule(definition, env), {
    bufferLogs: true,
    bodyParser: false,
    // A module that fails to initialise throws to the caller instead of Nest calling process.exit(1):
    // bootstrapService logs it and exits, and a test that starts services in-process fails alone instead of
    // ending the whole Jest run (seen in CI when a start-up connection to PostgreSQL timed out).
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  // Bodies are bounded in size (HTTP_BODY_LIMIT) and JSON in depth before it is parsed; the InputGuard
  // then refuses control characters in any body field, query parameter or path parameter.
  // NestJS 12 leaves `verify` out of useBodyParser's option type because it sets it itself when the app is
  // created with `rawBody: true`; this kit never asks for the raw body, so Nest hands these options to
  // express.json unchanged and the depth check runs as the body is read.
  const jsonOptions: NestExpressBodyParserOptionsMap['json'] = {
    limit: env.HTTP_BODY_LIMIT,
    type: ['application/json', 'application/*+json'],
    verify: verifyJsonDepth(MAX_JSON_DEPTH),
  };
  app.useBodyParser('json', jsonOptions);
  app.useBodyParser('urlencoded', { limit: env.HTTP_BODY_LIMIT, extended: false });
  app.use(mapBodyParserErrors);
  app.set('trust proxy', trustedProxies(env.TRUSTED_PROXIES));
  app.disable('x-powered-by');
  app.useGlobalGuards(new InputGuard());
  app.useGlobalPipes(createValidationPipe());
  mountOpenApi(app, buildOpenApiDocument(app, definition.title, definition.description));
  await app.listen(env.PORT, env.HOST);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  if (consumersJoinWaitMs > 0) await app.get(MessagingRuntime).whenUp(consumersJoinWaitMs);
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      app.get(HealthRegistry).markDraining();
      await app.close();
    })();
    return stopping;
  };
  return { app, env, url, stop };
}

/**
 * Express's `trust proxy` from TRUSTED_PROXIES: the X-Forwarded-For entries added by these proxies are
 * believed (req.ip is the first address not among them); with none, req.ip is the TCP peer.
 */
export function trustedProxies(list: string): string[] | false {
  const entries = list
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  return entries.length > 0 ? entries : false;
}

function stringify<E>(overrides: Partial<Record<keyof E, unknown>>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(overrides)) if (v !== undefined) out[k] = String(v);
  return out;
}

/** Entry point of a service process: start, log where, stop cleanly on SIGTERM/SIGINT. */
export async function bootstrapService<E extends BaseEnv>(definition: ServiceDefinition<E>): Promise<void> {
  let running: RunningService<E>;
  try {
    running = await startService(definition, {}, process.env, { consumersJoinWaitMs: 0 });
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${definition.name}: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    process.stderr.write(
      `${definition.name}: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exit(1);
  }
  const logger = new NestLogger('bootstrap');
  logger.log(`${definition.name} listening on ${running.url} (docs ${running.url}/docs)`);
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.log(`${signal} received: draining`);
    const force = setTimeout(() => {
      logger.error(`graceful shutdown exceeded ${running.env.SHUTDOWN_GRACE_MS} ms; exiting`);
      process.exit(1);
    }, running.env.SHUTDOWN_GRACE_MS + 5000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
}
