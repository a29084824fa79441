import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher';

/** argon2id hashing of staff passwords and partner client secrets. */
@Module({
  providers: [{ provide: PasswordHasher, useValue: new PasswordHasher() }],
  exports: [PasswordHasher],
})
export class CredentialsModule {}
