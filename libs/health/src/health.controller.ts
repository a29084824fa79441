import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@legal/auth';
import { HealthCheck, HealthCheckResult, HealthCheckService, HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { HealthRegistry } from './health.registry';

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
  @ApiOkResponse({ description: 'Alive' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'PostgreSQL, Redis, Kafka and the message pipeline are reachable' })
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
