import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { NotFoundError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayRead } from '../common/institution-access';
import { AppraisalInstitution } from './entities/appraisal-institution.entity';
import { Appraiser } from './entities/appraiser.entity';
import { InstitutionResponseDto } from './dto/institution-response.dto';
import { InstitutionHeadResponseDto } from './dto/institution-head.dto';

/** The register of institutions and their appraisers (seeded by migration, read by the domain). */
@Injectable()
export class InstitutionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byCode(manager: EntityManager, code: string): Promise<AppraisalInstitution> {
    const institution = await manager.findOneBy(AppraisalInstitution, { code, active: true });
    if (!institution) throw new NotFoundError('Appraisal institution', code);
    return institution;
  }

  async byOrganisation(manager: EntityManager, organisationId: string): Promise<AppraisalInstitution | null> {
    return manager.findOneBy(AppraisalInstitution, { organisationId, active: true });
  }

  async appraisersOf(manager: EntityManager, institutionCode: string): Promise<Appraiser[]> {
    return manager.find(Appraiser, { where: { institutionCode }, order: { licenceNumber: 'ASC' } });
  }

  /** An admin, or a supervisor whose jurisdiction covers the institution, names its head (art. 28 approvals). */
  async designateHead(code: string, user: AuthUser, subject: string): Promise<InstitutionHeadResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const institution = await this.byCode(manager, code);
      assertMayRead(user, institution, `Institution ${code}`);
      await manager.update(AppraisalInstitution, { code }, { headSubject: subject });
      return { code, headSubject: subject };
    });
  }

  async describe(code: string, user: AuthUser): Promise<InstitutionResponseDto> {
    const manager = this.dataSource.manager;
    const institution = await this.byCode(manager, code);
    assertMayRead(user, institution, `Institution ${code}`);
    const appraisers = await this.appraisersOf(manager, code);
    return {
      code: institution.code,
      name: institution.name,
      regionCode: institution.regionCode,
      organisationId: institution.organisationId,
      categories: institution.categories,
      appraisers: appraisers.map((a) => ({
        id: a.id,
        name: a.name,
        licenceNumber: a.licenceNumber,
        categories: a.categories,
        active: a.active,
      })),
    };
  }
}
