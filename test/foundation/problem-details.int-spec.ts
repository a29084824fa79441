import { Body, Controller, DynamicModule, Get, Module, Post, Query } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Public } from '@legal/auth';
import { BaseEnv } from '@legal/config';
import { RunningService, startService } from '@legal/service-kit';
import { isolatedOverrides, uniqueTag } from '@legal/testing';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import request from 'supertest';

class ProbeContactDto {
  @IsString()
  @MaxLength(20)
  name!: string;
}

class ProbeCreateDto {
  @IsString()
  @MaxLength(50)
  title!: string;

  @IsInt()
  @Min(1)
  @Max(5)
  score!: number;

  @ValidateNested()
  @Type(() => ProbeContactDto)
  contact!: ProbeContactDto;
}

@Public()
@Controller('probe')
class ProbeController {
  @Post()
  create(@Body() body: ProbeCreateDto): { ok: true; title: string } {
    return { ok: true, title: body.title };
  }
}

/** Reads through the service's connection pool; `holdMs` keeps the connection busy that long. */
@Public()
@Controller('probe/database')
class ProbeDatabaseController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  async read(@Query('holdMs') holdMs = '0'): Promise<{ ok: true }> {
    await this.dataSource.query('SELECT pg_sleep($1)', [Math.min(Number(holdMs) || 0, 10000) / 1000]);
    return { ok: true };
  }
}

@Module({ controllers: [ProbeController, ProbeDatabaseController] })
class ProbeModule {}

const probeService = {
  name: 'probe',
  title: 'Probe',
  description: 'A throw-away service that exercises the kit',
  envClass: BaseEnv,
  defaults: {},
  persistence: { entities: [], migrations: [] },
  rootModule: (): DynamicModule => ({ module: ProbeModule }),
};

describe('problem+json errors from the service kit', () => {
  let service: RunningService;

  beforeAll(async () => {
    service = await startService(
      probeService,
      isolatedOverrides(uniqueTag('problem'), 'probe', { HTTP_BODY_LIMIT: '16kb' }),
    );
  });
  afterAll(() => service.stop());

  it('answers 400 problem+json naming every invalid field, nested ones included', async () => {
    const res = await request(service.url)
      .post('/probe')
      .send({ title: 7, score: 9, contact: { name: 'x'.repeat(30) } });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      status: 400,
      title: 'Bad Request',
      code: 'validation-failed',
      instance: '/probe',
    });
    expect(res.body.type).toMatch(/validation-failed$/);
    expect(res.body.detail).toEqual(expect.any(String));
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['contact.name', 'score', 'title']);
  });

  it('rejects unknown fields instead of silently dropping them', async () => {
    const res = await request(service.url)
      .post('/probe')
      .send({ title: 'a', score: 3, contact: { name: 'b' }, isAdmin: true });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'isAdmin', codes: ['whitelistValidation'] })]);
  });

  it('answers malformed JSON with 400 and oversized bodies with 413, both problem+json', async () => {
    const malformed = await request(service.url)
      .post('/probe')
      .set('content-type', 'application/json')
      .send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('malformed-body');
    const huge = await request(service.url)
      .post('/probe')
      .send({ title: 'x'.repeat(64 * 1024), score: 1, contact: { name: 'n' } });
    expect(huge.status).toBe(413);
    expect(huge.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('echoes the caller correlation id and creates one when absent', async () => {
    const given = await request(service.url).post('/probe').set('x-correlation-id', 'call-2026-abcdef').send({});
    expect(given.headers['x-correlation-id']).toBe('call-2026-abcdef');
    expect(given.body.correlationId).toBe('call-2026-abcdef');
    const fresh = await request(service.url).get('/nowhere');
    expect(fresh.status).toBe(404);
    expect(fresh.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts a valid body', async () => {
    const res = await request(service.url)
      .post('/probe')
      .send({ title: 'ok', score: 5, contact: { name: 'n' } });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ ok: true, title: 'ok' });
  });
});

describe('problem+json when a dependency is briefly unavailable', () => {
  let service: RunningService;

  beforeAll(async () => {
    // One pooled connection, and a short wait for it: the second concurrent request cannot get one.
    service = await startService(
      probeService,
      isolatedOverrides(uniqueTag('pool'), 'probe', { DB_POOL_SIZE: 1, DB_CONNECT_TIMEOUT_MS: 300 }),
    );
  });
  afterAll(() => service.stop());

  it('answers 503 with Retry-After (not 500) when the connection pool is exhausted, and 200 once it is free', async () => {
    const holder = request(service.url)
      .get('/probe/database')
      .query({ holdMs: 3000 })
      .then((r) => r);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const starved = await request(service.url).get('/probe/database');
    expect(starved.status).toBe(503);
    expect(starved.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(starved.headers['retry-after']).toBe('2');
    expect(starved.body).toMatchObject({ status: 503, code: 'dependency-unavailable', instance: '/probe/database' });
    expect(JSON.stringify(starved.body)).not.toMatch(/timeout exceeded|connect|pool/i);
    expect((await holder).status).toBe(200);
    const after = await request(service.url).get('/probe/database');
    expect(after.status).toBe(200);
  });
});
