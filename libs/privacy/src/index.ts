export { maskName } from './mask-name';
export { Keyring, SealError } from './keyring';
export type { KeyringEntry } from './keyring';
export { PiiProtector } from './pii-protector';
export { PrivacyModule } from './privacy.module';
export { DEVELOPMENT_TRANSIT_KEYS, TRANSIT_ALG, TRANSIT_ENC, TransitDirectory, TransitSealer } from './transit-sealer';
export type { SealedJwe, TransitRecipient } from './transit-sealer';
