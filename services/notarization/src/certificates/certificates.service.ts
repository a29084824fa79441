import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { shanghaiDateOf } from '@legal/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { closedClockStatus } from '../clock/certificate-clock';
import { HistoryService } from '../history/history.service';
import { OfficesService } from '../offices/offices.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { NotarizationOutcome, ProgressStep } from '../reports/notarization-reports';
import { formatCertificateNumber } from './certificate-number';
import { CertificateIssueDto } from './dto/certificate-issue.dto';
import { CertificateCounter } from './entities/certificate-counter.entity';

/** Issues the certificate of a reviewed application with the office's next number for the year. */
@Injectable()
export class CertificatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly offices: OfficesService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, NotarizationOutcome>,
  ) {}

  async issue(id: string, user: AuthUser, dto: CertificateIssueDto): Promise<ApplicationResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const app = await this.applications.lockForStep(manager, id, user, 'issue the certificate', ['under-review']);
      if (!app.clockDueAt) throw new Error(`application ${id} is under review without a clock`);
      const office = await this.offices.get(manager, app.organisationId);
      const year = Number(shanghaiDateOf(now).slice(0, 4));
      const serial = await this.nextSerial(manager, app.organisationId, year);
      const number = formatCertificateNumber(year, office.certificatePrefix, serial);
      const clockStatus = closedClockStatus(app.clockDueAt, now);
      const copies = dto.copies ?? 1;
      Object.assign(app, {
        status: 'certificate-issued',
        certificateNumber: number,
        certificateCopies: copies,
        clockStatus,
        closedAt: now,
        closedBy: user.subject.slice(0, 64),
      });
      await manager.save(app);
      const summary = `Certificate ${number} issued for ${app.matterName ?? 'the matter'} (${copies} copies); 15-working-day deadline ${clockStatus}`;
      await this.history.record(manager, {
        applicationId: app.id,
        step: 'certificate-issued',
        actorId: user.subject,
        detail: summary,
        at: now,
      });
      await this.reports.resolved(manager, {
        about: app,
        outcome: 'certificate-issued',
        summary: summary,
        actorId: user.subject,
        at: now,
      });
      return this.applications.view(manager, app, user);
    });
  }

  /**
   * The office's next serial for the year, from its counter row, in the issuing transaction: the row
   * lock serialises concurrent issues, and a rolled-back issue gives its number back.
   */
  private async nextSerial(manager: EntityManager, organisationId: string, year: number): Promise<number> {
    const { schema, tableName } = manager.getRepository(CertificateCounter).metadata;
    const table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
    const rows = (await manager.query(
      `INSERT INTO ${table} ("organisation_id", "year", "last_number") VALUES ($1, $2, 1)
       ON CONFLICT ("organisation_id", "year") DO UPDATE SET "last_number" = ${table}."last_number" + 1
       RETURNING "last_number"`,
      [organisationId, year],
    )) as { last_number: number }[];
    const serial = rows[0]?.last_number;
    if (serial === undefined) throw new Error('certificate counter returned no number');
    return serial;
  }
}
