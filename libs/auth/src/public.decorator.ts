import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'legal:isPublic';

/**
 * Marks a controller or route as deliberately public. Everything not marked is protected by the
 * global authentication guard (libs/auth); the authorization test matrix reads this marker.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);
