export { isolatedOverrides, uniqueTag } from './isolation';
export { TestAuthority } from './test-authority';
export type { TestTokenClaims } from './test-authority';
export { waitUntil } from './wait-until';
