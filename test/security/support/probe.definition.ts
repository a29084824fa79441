import { Body, Controller, DynamicModule, Get, HttpCode, Module, Post } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { CurrentUser, Public, Roles } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { BaseEnv } from '@legal/config';
import { bodyField, RateLimit } from '@legal/rate-limit';
import type { ServiceDefinition } from '@legal/service-kit';
import { IsString, MaxLength } from 'class-validator';

class ProbeAccountDto {
  @ApiProperty({ description: 'Account name', example: 'someone' })
  @IsString()
  @MaxLength(64)
  username!: string;
}

/**
 * A minimal service built with the same kit as the real ones, with one route per access decision:
 * a stand-in "other service" for the security tests that must not depend on what the domain
 * services happen to expose today.
 */
@Controller('probe')
class ProbeController {
  @Get('public')
  @Public()
  open(@CurrentUser() user?: AuthUser): { subject: string | null } {
    return { subject: user?.subject ?? null };
  }

  @Get('admin')
  @Roles('admin')
  admin(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Get('staff')
  @Roles('centre-clerk', 'supervisor')
  staff(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }

  @Get('citizen')
  @Roles('citizen')
  citizen(@CurrentUser() user: AuthUser): { subject: string } {
    return { subject: user.subject };
  }

  /** Deliberately undecided: the guard must refuse it (and the matrix would flag it). */
  @Get('undecided')
  undecided(): { ok: true } {
    return { ok: true };
  }

  @Post('limited')
  @Public()
  @HttpCode(200)
  @RateLimit({ keyPrefix: 'probe-ip', points: 3, durationSeconds: 60, by: 'ip' })
  limited(): { ok: true } {
    return { ok: true };
  }

  @Post('limited-account')
  @Public()
  @HttpCode(200)
  @RateLimit(
    { keyPrefix: 'probe-account', points: 2, durationSeconds: 60, by: 'account', account: bodyField('username') },
    {
      keyPrefix: 'probe-ip-account',
      points: 100,
      durationSeconds: 60,
      by: 'ip+account',
      account: bodyField('username'),
    },
  )
  limitedAccount(@Body() dto: ProbeAccountDto): { username: string } {
    return { username: dto.username };
  }

  @Get('limited-subject')
  @Roles('citizen')
  @RateLimit({ keyPrefix: 'probe-subject', points: 1, durationSeconds: 60, by: 'account' })
  limitedSubject(@CurrentUser() user: AuthUser): { subject: string } {
    return { subject: user.subject };
  }
}

@Module({})
class ProbeModule {
  static forRoot(): DynamicModule {
    return { module: ProbeModule, controllers: [ProbeController] };
  }
}

export const probeService: ServiceDefinition<BaseEnv> = {
  name: 'probe',
  title: 'Security probe',
  description: 'Test-only service with one route per access decision.',
  envClass: BaseEnv,
  defaults: { PORT: 0, DB_SCHEMA: 'probe' },
  persistence: { entities: [], migrations: [] },
  rootModule: () => ProbeModule.forRoot(),
};
