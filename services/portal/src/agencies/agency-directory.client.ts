import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { DomainError, FieldError, InvalidInputError } from '@legal/http';
import { CORRELATION_HEADER, currentCorrelationId } from '@legal/observability';
import { InjectRedis } from '@legal/redis';
import type Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { PortalEnv } from '../config/portal.env';
import type { AgencyPageResponseDto, AgencyResponseDto } from './dto/agency-page-response.dto';

export interface AgencyQuery {
  regionCode?: string;
  serviceType?: string;
  limit: number;
  offset: number;
}

const TIMEOUT_MS = 3000;

function isPage(body: unknown): body is { items: AgencyResponseDto[]; total: number; limit?: number; offset?: number } {
  const b = body as { items?: unknown; total?: unknown } | null;
  return typeof b === 'object' && b !== null && Array.isArray(b.items) && typeof b.total === 'number';
}

/**
 * The agency lookup: a proxy to the work-order service's public organisation directory, cached
 * briefly in Redis (organisations change rarely). When the directory cannot answer, the caller gets
 * a 503 problem instead of a hang or a 500.
 */
@Injectable()
export class AgencyDirectoryClient {
  private readonly logger = new Logger(AgencyDirectoryClient.name);

  constructor(
    private readonly env: PortalEnv,
    @InjectRedis() private readonly redis: Redis,
  ) {}

  async find(query: AgencyQuery): Promise<AgencyPageResponseDto> {
    const params = new URLSearchParams();
    if (query.regionCode) params.set('regionCode', query.regionCode);
    if (query.serviceType) params.set('serviceType', query.serviceType);
    params.set('limit', String(query.limit));
    params.set('offset', String(query.offset));
    const cacheKey = `agencies:${createHash('sha256').update(params.toString()).digest('hex').slice(0, 32)}`;
    const cached = await this.cacheGet(cacheKey);
    if (cached) return cached;
    const page = await this.fetchPage(params);
    if (this.env.AGENCY_CACHE_SECONDS > 0) {
      await this.redis
        .set(cacheKey, JSON.stringify(page), 'EX', this.env.AGENCY_CACHE_SECONDS)
        .catch((e: unknown) => this.logger.warn({ err: e }, 'agency cache write failed'));
    }
    return page;
  }

  private async cacheGet(key: string): Promise<AgencyPageResponseDto | undefined> {
    if (this.env.AGENCY_CACHE_SECONDS === 0) return undefined;
    try {
      const raw = await this.redis.get(key);
      return raw ? (JSON.parse(raw) as AgencyPageResponseDto) : undefined;
    } catch (e) {
      this.logger.warn({ err: e }, 'agency cache read failed; asking the directory');
      return undefined;
    }
  }

  private unavailable(reason: string): DomainError {
    this.logger.warn({ reason }, 'agency directory unavailable');
    return new DomainError(
      'agency-directory-unavailable',
      'The agency directory is temporarily unavailable; please try again shortly',
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }

  private async fetchPage(params: URLSearchParams): Promise<AgencyPageResponseDto> {
    const url = `${this.env.WORK_ORDER_URL.replace(/\/$/, '')}/public/organisations?${params.toString()}`;
    let response: Response;
    try {
      const correlationId = currentCorrelationId();
      response = await fetch(url, {
        headers: { accept: 'application/json', ...(correlationId ? { [CORRELATION_HEADER]: correlationId } : {}) },
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      throw this.unavailable(e instanceof Error ? e.name : 'network error');
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 400) {
      const errors = (body as { errors?: FieldError[] } | undefined)?.errors;
      throw new InvalidInputError(Array.isArray(errors) ? errors : [], 'The agency directory refused the query');
    }
    if (!response.ok || !isPage(body)) throw this.unavailable(`status ${response.status}`);
    return {
      items: body.items,
      total: body.total,
      limit: body.limit ?? Number(params.get('limit')),
      offset: body.offset ?? Number(params.get('offset')),
    };
  }
}
