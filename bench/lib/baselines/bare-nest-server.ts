// A bare NestJS application on the same HTTP adapter as the services (express, JSON body parser,
// listening on loopback): the floor for "one HTTP request". Started as its own process by
// bare-http.baseline.ts; prints its port on stdout.
import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';

@Controller()
class PingController {
  @Get('ping')
  ping(): { ok: true } {
    return { ok: true };
  }

  @Post('echo')
  @HttpCode(201)
  echo(@Body() body: Record<string, unknown>): { id: string; fields: number } {
    return { id: '00000000-0000-4000-8000-000000000000', fields: Object.keys(body).length };
  }
}

@Module({ controllers: [PingController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(BareModule, { logger: ['error'], bodyParser: false });
  app.useBodyParser('json', { limit: '256kb' });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  process.stdout.write(`PORT ${address.port}\n`);
  process.once('SIGTERM', () => {
    void app.close().then(() => process.exit(0));
  });
}

void main();
