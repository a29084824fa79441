// A NestJS application on the adapter named by argv[2] (express | fastify), for bench/http-adapter.ts:
// GET /ping (bare route) and POST /requests (JSON body checked by a class-validator DTO through the global
// ValidationPipe, as the services' intake routes are). Prints its port on stdout; stops on SIGTERM.
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';

class ContactDto {
  @Matches(/^1\d{10}$/)
  phone!: string;
}

class RequestCreateDto {
  @Matches(/^37\d{4,10}$/)
  regionCode!: string;

  @IsString()
  @Length(1, 2000)
  description!: string;

  @ValidateNested()
  @Type(() => ContactDto)
  contact!: ContactDto;

  @IsOptional()
  @IsIn(['zh', 'en'])
  language?: string;
}

@Controller()
class AdapterController {
  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }

  @Post('requests')
  @HttpCode(201)
  create(@Body() body: RequestCreateDto): { id: string; region: string } {
    return { id: '00000000-0000-4000-8000-000000000000', region: body.regionCode };
  }
}

@Module({ controllers: [AdapterController] })
class AdapterModule {}

async function create(adapter: string): Promise<INestApplication> {
  if (adapter === 'express') return NestFactory.create(AdapterModule, { logger: ['error'] });
  // Loaded only when asked for: @nestjs/platform-fastify is a dev dependency used by this bench alone.
  const fastify = (await import('@nestjs/platform-fastify')) as typeof import('@nestjs/platform-fastify');
  return NestFactory.create(AdapterModule, new fastify.FastifyAdapter(), { logger: ['error'] });
}

async function main(): Promise<void> {
  const app = await create(process.argv[2] ?? 'express');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`PORT ${address.port}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

void main();
