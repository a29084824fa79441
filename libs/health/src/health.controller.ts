import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  type SchemaObject,
} from '@nestjs/swagger';
import { Public } from '@legal/auth';
import {
  HealthCheck,
  HealthCheckResult,
  HealthCheckService,
  HealthIndicatorResult,
  HealthIndicatorService,
} from '@nestjs/terminus';
import { HealthRegistry } from './health.registry';

const COMPONENTS_SCHEMA = {
  type: 'object',
  description: 'Per component: its status and detail',
  additionalProperties: { type: 'object', properties: { status: { type: 'string', enum: ['up', 'down'] } } },
} satisfies SchemaObject;

const HEALTH_REPORT_SCHEMA = {
  type: 'object',
  required: ['status'],
  properties: {
    status: { type: 'string', enum: ['ok'] },
    info: COMPONENTS_SCHEMA,
    error: COMPONENTS_SCHEMA,
    details: COMPONENTS_SCHEMA,
  },
} satisfies SchemaObject;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly registry: HealthRegistry,
  ) {}

  @Get('live')
  @ApiOperation({ summary: 'The process is up (does not check dependencies)' })
  @ApiOkResponse({
    description: 'Alive',
    schema: { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: ['ok'] } } },
  })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'PostgreSQL, Redis, Kafka and the message pipeline are reachable' })
  @ApiOkResponse({ description: 'Every component is up', schema: HEALTH_REPORT_SCHEMA })
  // A problem (code not-ready) whose `error` names the components that are down: ProblemDetailsFilter.
  @ApiServiceUnavailableResponse({ description: 'At least one component is down; it is named in `error`' })
  ready(): Promise<HealthCheckResult> {
    if (this.registry.isDraining()) throw new ServiceUnavailableException('shutting down');
    return this.health.check(
      this.registry.entries().map(([name, check]) => async (): Promise<HealthIndicatorResult> => {
        const session = this.indicator.check(name);
        const status = await check();
        const extra = { ...(status.detail ?? {}), ...(status.error ? { message: status.error } : {}) };
        return status.up ? session.up(extra) : session.down(extra);
      }),
    );
  }
}
