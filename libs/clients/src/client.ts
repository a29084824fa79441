import createClient from 'openapi-fetch';
import type { Client, ClientOptions as FetchClientOptions } from 'openapi-fetch';
import { SERVICE_REGISTRY } from '@legal/contracts';
import type { RegisteredServiceName } from '@legal/contracts';

/** One field of a `validation-failed` problem (see docs/error-codes.md). */
export interface ProblemFieldError {
  field: string;
  messages: string[];
  codes?: string[];
}

/** The application/problem+json body every service answers an error with (RFC 9457). */
export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

/**
 * An error answer of a service, typed: `code` is the stable last segment of the problem's `type`
 * (`validation-failed`, `not-found`, ...), `errors` the invalid fields of a 400.
 */
export class ProblemError extends Error {
  readonly code: string;
  readonly errors: ProblemFieldError[];

  constructor(
    readonly status: number,
    readonly problem: ProblemBody,
    readonly url: string,
  ) {
    super(`${url} answered ${status}: ${problem.detail ?? problem.title ?? 'no detail'}`);
    this.name = 'ProblemError';
    this.code = (problem.type ?? '').split('/').pop() ?? '';
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export interface ServiceClientOptions {
  /** Origin of the service, e.g. `http://127.0.0.1:3002`; default: 127.0.0.1 and the port of the service registry. */
  baseUrl?: string;
  /** Bearer token (a string, or a function read before each request so a client follows a refreshed token). */
  token?: string | (() => string | undefined);
  /** Headers added to every request (e.g. `x-request-id`). */
  headers?: Record<string, string>;
  fetch?: FetchClientOptions['fetch'];
}

/** `http://127.0.0.1:<port>` of a service of the registry (the ports `npm start` uses). */
export function defaultBaseUrl(service: RegisteredServiceName, host = '127.0.0.1'): string {
  const entry = SERVICE_REGISTRY.find((e) => e.name === service);
  if (entry === undefined) throw new Error(`${service} is not in the service registry`);
  return `http://${host}:${entry.port}`;
}

/** An openapi-fetch client of one service: `client.GET('/portal/requests/{intakeId}/status', { params })`. */
export function createServiceClient<Paths extends object>(
  service: RegisteredServiceName,
  options: ServiceClientOptions = {},
): Client<Paths> {
  const client = createClient<Paths>({
    baseUrl: options.baseUrl ?? defaultBaseUrl(service),
    headers: options.headers,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const { token } = options;
  if (token !== undefined) {
    client.use({
      onRequest({ request }) {
        const value = typeof token === 'function' ? token() : token;
        if (value !== undefined && !request.headers.has('authorization')) {
          request.headers.set('authorization', `Bearer ${value}`);
        }
        return request;
      },
    });
  }
  return client;
}

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer, or a ProblemError carrying the problem+json of a failed one:
 * `const status = await ok(portal.GET('/portal/requests/{intakeId}/status', { params: { path: { intakeId } } }))`.
 */
export async function ok<T>(request: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  const problem: ProblemBody =
    error !== null && typeof error === 'object'
      ? (error as ProblemBody)
      : { detail: error === undefined ? undefined : String(error) };
  throw new ProblemError(response.status, problem, response.url);
}
