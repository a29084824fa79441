import type { RouteDecision } from '@legal/auth';
import request from 'supertest';

/** A UUID that exists nowhere: ids in paths resolve to "not found", not to somebody's record. */
export const DUMMY_UUID = '00000000-0000-4000-8000-000000000000';

function dummyValue(name: string): string {
  if (/id$/i.test(name)) return DUMMY_UUID;
  if (/region/i.test(name)) return '370102';
  if (/code/i.test(name)) return 'DUMMY0000';
  return 'dummy';
}

/**
 * `/work-orders/:id{/:part}/*rest` → `/work-orders/<uuid>/dummy/x`: a concrete URL for a route template.
 * `values` gives real values for some parameters by name (a case code, a call id).
 */
export function concretePath(path: string, values: Record<string, string> = {}): string {
  return path
    .replace(/\{([^}]*)\}/g, '$1')
    .replace(/\*\w*/g, 'x')
    .replace(/:(\w+)/g, (_m, name: string) => values[name] ?? dummyValue(name));
}

export interface CallOptions {
  authorization?: string;
  body?: unknown;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  path?: string;
}

/** Calls a route as a client would: JSON body for methods that take one. */
export function callRoute(baseUrl: string, route: RouteDecision, options: CallOptions = {}): request.Test {
  const agent = request(baseUrl);
  const path = options.path ?? concretePath(route.path);
  const method = route.httpMethod.toLowerCase();
  let test: request.Test;
  switch (method) {
    case 'post':
    case 'put':
    case 'patch':
      test = agent[method](path).send((options.body ?? {}) as object);
      break;
    case 'delete':
      test = agent.delete(path);
      break;
    case 'head':
      test = agent.head(path);
      break;
    case 'options':
      test = agent.options(path);
      break;
    default:
      test = agent.get(path);
  }
  if (options.query) test = test.query(options.query);
  if (options.authorization) test = test.set('authorization', options.authorization);
  for (const [name, value] of Object.entries(options.headers ?? {})) test = test.set(name, value);
  return test.timeout({ response: 30_000, deadline: 60_000 });
}

/** Runs `tasks` with at most `limit` in flight. */
export async function inBatches<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
