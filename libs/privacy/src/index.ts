export { maskName } from './mask-name';
export { PiiProtector } from './pii-protector';
export { PrivacyModule } from './privacy.module';
