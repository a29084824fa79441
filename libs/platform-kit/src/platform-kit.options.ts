/** The platforms that run the kit: each keeps its own intake records and read model. */
export const PLATFORM_NAMES = ['hotline', 'portal', 'centre'] as const;
export type PlatformName = (typeof PLATFORM_NAMES)[number];

export interface PlatformKitOptions {
  platform: PlatformName;
}

export const PLATFORM_KIT_OPTIONS = Symbol('PLATFORM_KIT_OPTIONS');
