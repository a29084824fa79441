/** Injection token of the validated OversightEnv. */
export const OVERSIGHT_ENV = Symbol('OVERSIGHT_ENV');
