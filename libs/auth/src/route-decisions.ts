import { INestApplicationContext, RequestMethod, Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import { CurrentUser } from './current-user.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './roles';
import { ROLES_KEY } from './roles.decorator';

/** The access decision a route carries in code, as the global AuthGuard will apply it. */
export interface RouteDecision {
  /** Controller class name. */
  controller: string;
  /** Handler method name. */
  handler: string;
  /** HTTP method (`GET`, `POST`, ...; `ALL` for @All). */
  httpMethod: string;
  /** Express path with Nest parameters, e.g. `/work-orders/:id/timeline`. */
  path: string;
  /** `@Public()` on the handler or its controller. */
  public: boolean;
  /** `@Roles(...)` of the handler (or, failing that, of its controller); empty when none. */
  roles: Role[];
  /** Names of the path parameters (`/work-orders/:code/offers/:id` → `code`, `id`). */
  pathParams: string[];
  /** The handler takes `@CurrentUser()`: it can scope what it reads to the caller (jurisdiction, ownership). */
  receivesCaller: boolean;
}

let currentUserKeyPrefix: string | undefined;

/** The route-argument metadata key prefix `@CurrentUser()` writes (`<its id>__customRouteArgs__`), found once by applying it. */
function currentUserPrefix(): string {
  if (currentUserKeyPrefix === undefined) {
    class Probe {
      handler(_user: unknown): void {}
    }
    CurrentUser()(Probe.prototype, 'handler', 0);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, Probe, 'handler') ?? {}) as Record<string, unknown>;
    const [key] = Object.keys(args);
    if (!key) throw new Error('cannot find the route-argument metadata of @CurrentUser()');
    currentUserKeyPrefix = key.slice(0, key.lastIndexOf(':'));
  }
  return currentUserKeyPrefix;
}

function takesCaller(controller: Type<unknown>, handlerName: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handlerName) ?? {}) as Record<string, unknown>;
  const prefix = `${currentUserPrefix()}:`;
  return Object.keys(args).some((k) => k.startsWith(prefix));
}

function pathParamsOf(path: string): string[] {
  return [...path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [''];
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter((p) => p.length > 0)
    .join('/');
  return `/${joined}`;
}

/**
 * Every HTTP route of a running Nest application with its access decision, read from the same
 * metadata the AuthGuard reads (`@Public()`, `@Roles(...)`). The authorization matrix test uses it
 * to find undecided routes and to generate its role × endpoint calls.
 */
export function collectRouteDecisions(app: INestApplicationContext): RouteDecision[] {
  const reflector = new Reflector();
  const scanner = new MetadataScanner();
  const seen = new Set<Type<unknown>>();
  const decisions: RouteDecision[] = [];
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || seen.has(controller)) continue;
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      const controllerPaths = asList(Reflect.getMetadata(PATH_METADATA, controller));
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        if (typeof handler !== 'function') continue;
        const methodPath: unknown = Reflect.getMetadata(PATH_METADATA, handler);
        const requestMethod: unknown = Reflect.getMetadata(METHOD_METADATA, handler);
        if (methodPath === undefined || typeof requestMethod !== 'number') continue;
        const targets = [handler, controller];
        const isPublic = reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
        const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? [];
        const receivesCaller = takesCaller(controller, name);
        for (const base of controllerPaths) {
          for (const sub of asList(methodPath)) {
            const path = joinPath(base, sub);
            decisions.push({
              controller: controller.name,
              handler: name,
              httpMethod: RequestMethod[requestMethod] ?? String(requestMethod),
              path,
              public: isPublic,
              roles: [...roles],
              pathParams: pathParamsOf(path),
              receivesCaller,
            });
          }
        }
      }
    }
  }
  return decisions.sort((a, b) => a.path.localeCompare(b.path) || a.httpMethod.localeCompare(b.httpMethod));
}
