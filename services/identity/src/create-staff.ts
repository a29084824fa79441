import 'reflect-metadata';
import { loadCliConfig, openServiceDataSource } from '@legal/service-kit';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { randomUUID } from 'node:crypto';
import { PasswordHasher } from './credentials/password-hasher';
import { identityService } from './identity.definition';
import { StaffCreateDto } from './staff/dto/staff-create.dto';
import { StaffUser } from './staff/entities/staff-user.entity';

/**
 * `STAFF_USERNAME=... STAFF_PASSWORD=... STAFF_ROLES=admin STAFF_ORGANISATION_ID=... STAFF_REGION_CODE=370000
 *  node dist/services/identity/src/create-staff.js`: creates a staff account from the command line, e.g. the
 * first administrator of a production installation (where SEED_DEV_USERS is refused). The password comes
 * from the environment so that it stays out of shell history and process lists.
 */
async function main(): Promise<number> {
  const env = loadCliConfig(identityService);
  if (env === 78) return 78;
  const dto = plainToInstance(StaffCreateDto, {
    username: process.env.STAFF_USERNAME,
    password: process.env.STAFF_PASSWORD,
    displayName: process.env.STAFF_DISPLAY_NAME ?? process.env.STAFF_USERNAME,
    roles: (process.env.STAFF_ROLES ?? '')
      .split(',')
      .map((r) => r.trim())
      .filter((r) => r !== ''),
    organisationId: process.env.STAFF_ORGANISATION_ID,
    regionCode: process.env.STAFF_REGION_CODE,
  });
  const errors = validateSync(dto, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const problems = errors.map(
      (e) =>
        `  - STAFF_${e.property.replace(/([A-Z])/g, '_$1').toUpperCase()}: ${Object.values(e.constraints ?? {}).join('; ')}`,
    );
    process.stderr.write(`identity: invalid staff account:\n${problems.join('\n')}\n`);
    return 64;
  }
  const dataSource = await openServiceDataSource(identityService, env, {
    applicationName: 'identity-create-staff',
    migrationsRun: true,
    poolSize: 1,
  });
  try {
    const username = dto.username.toLowerCase();
    const result = await dataSource
      .createQueryBuilder()
      .insert()
      .into(StaffUser)
      .values({
        id: randomUUID(),
        username,
        passwordHash: await new PasswordHasher().hash(dto.password),
        displayName: dto.displayName,
        roles: dto.roles,
        organisationId: dto.organisationId,
        regionCode: dto.regionCode,
        disabled: false,
        lastSignInAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((result.raw as unknown[]).length === 0) {
      process.stderr.write(`identity: the user name ${username} is already taken\n`);
      return 1;
    }
    process.stdout.write(`identity: created ${username} (${dto.roles.join(', ')})\n`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(
      `identity: could not create the staff account: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exit(1);
  },
);
