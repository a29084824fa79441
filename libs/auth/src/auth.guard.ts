import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './current-user.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import type { Role } from './roles';
import { ROLES_KEY } from './roles.decorator';
import { TokenVerifier } from './token-verifier';

/** Problem `detail` texts of the guard's refusals (stable: the authorization matrix test reads them). */
export const AUTH_REFUSALS = {
  missingToken: 'A bearer access token is required',
  invalidToken: 'The access token is invalid or expired',
  noDecision: 'This endpoint has no access decision',
  roleDenied: 'Your role may not use this endpoint',
} as const;

function bearerToken(req: AuthenticatedRequest): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)$/i.exec(header.trim());
  return match?.[1];
}

/**
 * Global guard: authenticated and authorised by default. Public routes pass (and still learn
 * who the caller is when a valid token is sent); every other route needs a valid token and one
 * of its `@Roles(...)`; a route with no decision at all is refused.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true;
    const token = bearerToken(req);
    if (isPublic) {
      if (token) req.user = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }
    if (!token) {
      this.challenge(context, 'Bearer realm="legal-services"');
      throw new UnauthorizedException(AUTH_REFUSALS.missingToken);
    }
    try {
      req.user = await this.verifier.verify(token);
    } catch {
      this.challenge(context, 'Bearer realm="legal-services", error="invalid_token"');
      throw new UnauthorizedException(AUTH_REFUSALS.invalidToken);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new ForbiddenException(AUTH_REFUSALS.noDecision);
    if (!req.user.roles.some((r) => roles.includes(r))) throw new ForbiddenException(AUTH_REFUSALS.roleDenied);
    return true;
  }

  /** RFC 6750: a 401 tells the client which scheme to use. */
  private challenge(context: ExecutionContext, value: string): void {
    const res = context.switchToHttp().getResponse<Response>();
    if (!res.headersSent) res.setHeader('WWW-Authenticate', value);
  }
}
