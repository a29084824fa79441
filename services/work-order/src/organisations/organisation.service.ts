import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { significantPrefix } from '@legal/auth';
import type { AuthUser } from '@legal/auth';
import { regionLevelOf, shandongRegions } from '@legal/domain';
import { ConflictError, InvalidInputError, NotFoundError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { jurisdictionPrefix } from '../common/access';
import { Page, page } from '../common/page.dto';
import { OFFICE_HOURS } from './duty-schedule';
import type {
  OrganisationCreateDto,
  OrganisationDto,
  OrganisationQueryDto,
  OrganisationUpdateDto,
} from './dto/organisation.dto';
import type { PublicOrganisationDto, PublicOrganisationQueryDto } from './dto/public-organisation.dto';
import type { StaffCreateDto, StaffDto, StaffQueryDto, StaffUpdateDto } from './dto/staff.dto';
import { OrganisationEntity } from './entities/organisation.entity';
import { StaffEntity } from './entities/staff.entity';
import { KIND_PROFILES, organisationId } from './organisation-catalogue';
import { describeSchedule } from './duty-schedule';

/** Organisations and staff: admin maintenance and the public agency lookup. */
@Injectable()
export class OrganisationService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: OrganisationQueryDto): Promise<Page<OrganisationDto>> {
    const qb = this.dataSource.manager.createQueryBuilder(OrganisationEntity, 'o');
    if (q.regionCode) qb.andWhere('o.regionCode LIKE :region', { region: `${significantPrefix(q.regionCode)}%` });
    if (q.kind) qb.andWhere('o.kind = :kind', { kind: q.kind });
    if (q.serviceType) qb.andWhere(':type = ANY(o.serviceTypes)', { type: q.serviceType });
    const [rows, total] = await qb
      .orderBy('o.regionCode', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return page(rows.map(toOrganisationDto), total, q);
  }

  async create(dto: OrganisationCreateDto): Promise<OrganisationDto> {
    const region = shandongRegions().lookup(dto.regionCode);
    if (!region)
      throw new InvalidInputError([
        {
          field: 'regionCode',
          messages: ['regionCode must be a known Shandong division code'],
          codes: ['isRegionCode'],
        },
      ]);
    const row = this.dataSource.manager.create(OrganisationEntity, {
      id:
        dto.id ??
        (dto.kind === 'external-agency'
          ? `org-${region.code}-agency-${randomUUID().slice(0, 8)}`
          : organisationId(region.code, dto.kind)),
      name: dto.name,
      kind: dto.kind,
      level: region.level,
      regionCode: region.code,
      handler: dto.handler ?? KIND_PROFILES[dto.kind].handler,
      serviceTypes: [...new Set(dto.serviceTypes)],
      dutyHours: dto.dutyHours,
      address: dto.address,
      phone: dto.phone,
      active: true,
      seeded: false,
    });
    return toOrganisationDto(await this.insertOrganisation(row));
  }

  /** A village public legal service room (村居法律服务室), created on demand under its township. */
  async createVillageRoom(villageCode: string): Promise<OrganisationDto> {
    const registry = shandongRegions();
    const village = registry.lookup(villageCode);
    if (!village || regionLevelOf(village.code) !== 'village')
      throw new InvalidInputError([
        {
          field: 'villageCode',
          messages: ['villageCode must be a 12-digit Shandong village code'],
          codes: ['isRegionCode'],
        },
      ]);
    const profile = KIND_PROFILES['village-legal-service-room'];
    const row = this.dataSource.manager.create(OrganisationEntity, {
      id: organisationId(village.code, 'village-legal-service-room'),
      name: `${village.name}${profile.nameSuffix}`,
      kind: 'village-legal-service-room',
      level: 'village',
      regionCode: village.code,
      handler: profile.handler,
      serviceTypes: [...profile.serviceTypes],
      dutyHours: OFFICE_HOURS,
      address: registry.fullName(village.code) ?? village.name,
      phone: '12348',
      active: true,
      seeded: false,
    });
    return toOrganisationDto(await this.insertOrganisation(row));
  }

  async update(id: string, dto: OrganisationUpdateDto): Promise<OrganisationDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(OrganisationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Organisation', id);
      if (dto.name !== undefined) row.name = dto.name;
      if (dto.serviceTypes !== undefined) row.serviceTypes = [...new Set(dto.serviceTypes)];
      if (dto.dutyHours !== undefined) row.dutyHours = dto.dutyHours;
      if (dto.address !== undefined) row.address = dto.address;
      if (dto.phone !== undefined) row.phone = dto.phone;
      if (dto.active !== undefined) row.active = dto.active;
      row.updatedAt = new Date();
      return toOrganisationDto(await manager.save(OrganisationEntity, row));
    });
  }

  /** The public agency lookup: organisations serving a division (it and the levels above), nearest first. */
  async lookup(q: PublicOrganisationQueryDto): Promise<Page<PublicOrganisationDto>> {
    const registry = shandongRegions();
    const qb = this.dataSource.manager.createQueryBuilder(OrganisationEntity, 'o').where('o.active = true');
    if (q.serviceType) qb.andWhere(':type = ANY(o.serviceTypes)', { type: q.serviceType });
    let rows: OrganisationEntity[];
    let total: number;
    if (q.regionCode) {
      // At most a few dozen organisations serve one division: rank them nearest first in memory.
      const chain = registry.jurisdictionChain(q.regionCode).map((r) => r.code);
      const all = await qb.andWhere('o.regionCode IN (:...codes)', { codes: chain }).getMany();
      all.sort((a, b) => chain.indexOf(a.regionCode) - chain.indexOf(b.regionCode) || a.id.localeCompare(b.id));
      total = all.length;
      rows = all.slice(q.offset, q.offset + q.limit);
    } else {
      [rows, total] = await qb
        .orderBy('o.regionCode', 'ASC')
        .addOrderBy('o.id', 'ASC')
        .take(q.limit)
        .skip(q.offset)
        .getManyAndCount();
    }
    return page(
      rows.map((o) => ({
        id: o.id,
        name: o.name,
        kind: o.kind,
        regionCode: o.regionCode,
        regionName: registry.fullName(o.regionCode) ?? o.regionCode,
        address: o.address,
        phone: o.phone,
        hours: describeSchedule(o.dutyHours),
        serviceTypes: o.serviceTypes,
      })),
      total,
      q,
    );
  }

  /** Staff of organisations whose area lies in the caller's jurisdiction (a city supervisor: the city's); admins: everyone. */
  async listStaff(q: StaffQueryDto, user: AuthUser): Promise<Page<StaffDto>> {
    const scope = jurisdictionPrefix(user);
    const qb = this.dataSource.manager.createQueryBuilder(StaffEntity, 's');
    if (q.organisationId) qb.andWhere('s.organisationId = :organisationId', { organisationId: q.organisationId });
    if (scope === null) qb.andWhere('FALSE');
    else if (scope !== undefined) {
      qb.andWhere(
        (sub) =>
          `s.organisationId IN ${sub.subQuery().select('o.id').from(OrganisationEntity, 'o').where('o.regionCode LIKE :scope').getQuery()}`,
        { scope: `${scope}%` },
      );
    }
    const [rows, total] = await qb
      .orderBy('s.organisationId', 'ASC')
      .addOrderBy('s.id', 'ASC')
      .take(q.limit)
      .skip(q.offset)
      .getManyAndCount();
    return page(rows.map(toStaffDto), total, q);
  }

  async createStaff(dto: StaffCreateDto): Promise<StaffDto> {
    const manager = this.dataSource.manager;
    if (!(await manager.findOne(OrganisationEntity, { where: { id: dto.organisationId } }))) {
      throw new InvalidInputError([
        { field: 'organisationId', messages: [`organisation ${dto.organisationId} does not exist`], codes: ['exists'] },
      ]);
    }
    const row = manager.create(StaffEntity, {
      id: dto.id ?? `staff-${randomUUID()}`,
      organisationId: dto.organisationId,
      name: dto.name,
      expertise: [...new Set(dto.expertise)],
      languages: [...new Set(dto.languages)],
      capacity: dto.capacity,
      onDuty: dto.onDuty,
      active: true,
    });
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(StaffEntity)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) throw new ConflictError('staff-exists', `Staff member ${row.id} already exists`);
    return toStaffDto(await manager.findOneByOrFail(StaffEntity, { id: row.id }));
  }

  async updateStaff(id: string, dto: StaffUpdateDto): Promise<StaffDto> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager.findOne(StaffEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new NotFoundError('Staff member', id);
      if (dto.name !== undefined) row.name = dto.name;
      if (dto.expertise !== undefined) row.expertise = [...new Set(dto.expertise)];
      if (dto.languages !== undefined) row.languages = [...new Set(dto.languages)];
      if (dto.capacity !== undefined) row.capacity = dto.capacity;
      if (dto.onDuty !== undefined) row.onDuty = dto.onDuty;
      if (dto.active !== undefined) row.active = dto.active;
      row.updatedAt = new Date();
      return toStaffDto(await manager.save(StaffEntity, row));
    });
  }

  private async insertOrganisation(row: OrganisationEntity): Promise<OrganisationEntity> {
    const manager = this.dataSource.manager;
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(OrganisationEntity)
      .values(row)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0)
      throw new ConflictError('organisation-exists', `Organisation ${row.id} already exists`);
    return manager.findOneByOrFail(OrganisationEntity, { id: row.id });
  }
}

export function toOrganisationDto(o: OrganisationEntity): OrganisationDto {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    level: o.level,
    regionCode: o.regionCode,
    handler: o.handler,
    serviceTypes: o.serviceTypes,
    dutyHours: o.dutyHours,
    address: o.address,
    phone: o.phone,
    active: o.active,
  };
}

export function toStaffDto(s: StaffEntity): StaffDto {
  return {
    id: s.id,
    organisationId: s.organisationId,
    name: s.name,
    expertise: s.expertise,
    languages: s.languages,
    capacity: s.capacity,
    onDuty: s.onDuty,
    active: s.active,
  };
}
