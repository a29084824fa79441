import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { shanghaiDateOf } from '@legal/domain';
import { HandlerReporter } from '@legal/handler-kit';
import { DomainError } from '@legal/http';
import { DataSource, EntityManager } from 'typeorm';
import { APPRAISERS_PER_MATTER } from '../appraisers/appraiser-assignment';
import { EntrustmentResponseDto } from '../entrustments/dto/entrustment-response.dto';
import { entrustmentView, termOf } from '../entrustments/entrustment-view';
import { AppraisalOutcome, AppraisalStep, EntrustmentsService } from '../entrustments/entrustments.service';
import { HistoryService } from '../history/history.service';
import { termDeadline } from '../term/appraisal-term';
import { OpinionVerificationResponseDto } from './dto/opinion.dto';
import { AppraisalOpinion } from './entities/appraisal-opinion.entity';
import { OpinionCounter } from './entities/opinion-counter.entity';
import { checkOpinionCode, formatOpinionCode } from './opinion-code';

/** Issues the coded opinion that ends an appraisal, and verifies codes for anyone. */
@Injectable()
export class OpinionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly entrustments: EntrustmentsService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<AppraisalStep, AppraisalOutcome>,
  ) {}

  async issue(id: string, user: AuthUser): Promise<EntrustmentResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const e = await this.entrustments.lockForStep(manager, id, user);
      this.entrustments.assertUnderWay(e, 'issue the opinion');
      const term = termOf(e);
      if (!term) throw new Error('an accepted entrustment has a term');
      if (term.paused) {
        const message = 'The appraisal waits for supplementary materials; resume first';
        throw new DomainError('term-paused', message, HttpStatus.CONFLICT);
      }
      if (e.appraisers.length !== APPRAISERS_PER_MATTER) {
        const message = `Art. 19: designate ${APPRAISERS_PER_MATTER} appraisers before the opinion`;
        throw new DomainError('appraisers-missing', message, HttpStatus.CONFLICT);
      }
      const year = Number(shanghaiDateOf(now).slice(0, 4));
      const serial = await this.nextSerial(manager, e.institutionCode, year);
      const code = formatOpinionCode({ institutionCode: e.institutionCode, year, serial });
      await manager.insert(AppraisalOpinion, {
        code,
        entrustmentId: e.id,
        institutionCode: e.institutionCode,
        institutionName: e.institutionName,
        year,
        serial,
        category: e.category,
        issuedAt: now,
        issuedBy: user.subject.slice(0, 64),
      });
      Object.assign(e, { status: 'opinion-issued', opinionCode: code, opinionIssuedAt: now });
      await manager.save(e);
      const deadline = termDeadline(term, now);
      const summary =
        `Appraisal opinion ${code} issued by ${e.institutionName}, signed by ` +
        `${e.appraisers.map((a) => a.name).join(' and ')}; term ${deadline.status} (due ${deadline.dueAt}). ` +
        `Anyone can check the code at /opinions/${code}/verification.`;
      await this.history.record(manager, {
        entrustmentId: e.id,
        step: 'opinion-issued',
        actorId: user.subject,
        detail: summary,
        at: now,
      });
      await this.reports.resolved(manager, {
        about: e,
        actorId: user.subject,
        at: now,
        outcome: 'opinion-issued',
        summary,
      });
      return entrustmentView(e);
    });
  }

  /** Public: valid or not, which institution, when; a wrong check character is told apart from an unknown code. */
  async verify(text: string): Promise<OpinionVerificationResponseDto> {
    const checked = checkOpinionCode(text);
    if (!checked.ok) return { code: text.trim().toUpperCase().slice(0, 40), valid: false, problem: checked.problem };
    const opinion = await this.dataSource.getRepository(AppraisalOpinion).findOneBy({ code: checked.code });
    if (!opinion) return { code: checked.code, valid: false, problem: 'not-issued' };
    return {
      code: opinion.code,
      valid: true,
      institution: { code: opinion.institutionCode, name: opinion.institutionName },
      issuedAt: opinion.issuedAt.toISOString(),
    };
  }

  private async nextSerial(manager: EntityManager, institutionCode: string, year: number): Promise<number> {
    const { schema, tableName } = manager.getRepository(OpinionCounter).metadata;
    const table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
    const rows = (await manager.query(
      `INSERT INTO ${table} ("institution_code", "year", "last_serial") VALUES ($1, $2, 1)
       ON CONFLICT ("institution_code", "year") DO UPDATE SET "last_serial" = ${table}."last_serial" + 1
       RETURNING "last_serial"`,
      [institutionCode, year],
    )) as { last_serial: number }[];
    const serial = rows[0]?.last_serial;
    if (serial === undefined) throw new Error('the opinion counter returned no row');
    return serial;
  }
}
