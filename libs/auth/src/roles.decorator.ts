import { SetMetadata } from '@nestjs/common';
import type { Role } from './roles';

export const ROLES_KEY = 'legal:roles';

/**
 * Which roles may call a route (or every route of a controller). A route that is neither
 * `@Public()` nor `@Roles(...)` is refused: every endpoint carries an explicit decision.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);
