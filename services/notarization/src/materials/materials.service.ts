import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { shanghaiDateOf } from '@legal/domain';
import { FieldError, InvalidInputError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { ApplicationResponseDto } from '../applications/dto/application-response.dto';
import { Application } from '../applications/entities/application.entity';
import { CatalogueService } from '../catalogue/catalogue.service';
import { certificateDeadline, computeCertificateClock } from '../clock/certificate-clock';
import { HistoryService } from '../history/history.service';
import { HandlerReporter } from '@legal/handler-kit';
import type { NotarizationOutcome, ProgressStep } from '../reports/notarization-reports';
import { compareWithChecklist, ItemOutcome, oneTimeNoticeText } from './checklist-comparison';
import { ApplicationSubmissionDto, MaterialsArrivalDto } from './dto/application-submission.dto';
import { ApplicationMaterial } from './entities/application-material.entity';
import { MaterialNotice } from './entities/material-notice.entity';
import { duplicateErrors, receivedAtErrors, unknownCodeErrors } from './submission-checks';

/**
 * The application and its materials: the checklist comparison (证明材料清单制), the one notice of every
 * missing item (一次性告知制) that pauses the 15-working-day clock, commitments where allowed
 * (告知承诺制), and the arrival of the missing items that resumes it.
 */
@Injectable()
export class MaterialsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly catalogue: CatalogueService,
    private readonly history: HistoryService,
    private readonly reports: HandlerReporter<ProgressStep, NotarizationOutcome>,
  ) {}

  async submit(id: string, user: AuthUser, dto: ApplicationSubmissionDto): Promise<ApplicationResponseDto> {
    const commitments = dto.commitments ?? [];
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const app = await this.applications.lockForStep(manager, id, user, 'submit the application', [
        'awaiting-application',
      ]);
      const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
      const found = await this.catalogue.find(manager, dto.matterCode);
      const errors: FieldError[] = [
        ...receivedAtErrors('receivedAt', receivedAt, app.requestReceivedAt, now),
        ...duplicateErrors(dto.materials, commitments),
      ];
      if (!found || !found.matter.active) {
        errors.push({
          field: 'matterCode',
          messages: [`${dto.matterCode} is not a matter the catalogue offers`],
          codes: ['unknownMatter'],
        });
        throw new InvalidInputError(errors);
      }
      const comparison = compareWithChecklist(found.materials, { documents: dto.materials, commitments });
      const what = `on the checklist of ${found.matter.nameZh}`;
      errors.push(
        ...unknownCodeErrors(
          'materials',
          comparison.unknownDocuments,
          dto.materials.map((m) => m.code),
          what,
        ),
        ...unknownCodeErrors(
          'commitments',
          comparison.unknownCommitments,
          commitments.map((c) => c.code),
          what,
        ),
      );
      if (errors.length > 0) throw new InvalidInputError(errors);

      await manager.insert(
        ApplicationMaterial,
        comparison.items.map((item) => materialRow(app.id, item, receivedAt)),
      );
      const clock = computeCertificateClock(receivedAt, []);
      Object.assign(app, {
        matterCode: found.matter.code,
        matterName: found.matter.nameZh,
        feeFen: found.matter.feeFen,
        submittedAt: receivedAt,
        submittedBy: user.subject.slice(0, 64),
        clockStatus: 'running',
        clockDueAt: clock.dueAt,
        clockExplanation: clock.explanation,
        status: 'accepted',
      });
      const provided = comparison.items.length - comparison.missing.length;
      const byCommitment = comparison.items.filter((i) => i.provision === 'commitment').length;
      const detail = `Application for ${found.matter.nameZh} accepted (受理) on ${shanghaiDateOf(receivedAt)}; fee ${(found.matter.feeFen / 100).toFixed(2)} yuan; ${provided} of ${comparison.items.length} checklist items provided (${byCommitment} by signed commitment)`;
      await this.history.record(manager, {
        applicationId: app.id,
        step: 'application-accepted',
        actorId: user.subject,
        detail,
        at: now,
      });
      await this.reports.progressed(manager, {
        about: app,
        step: 'application-accepted',
        detail,
        deadlines: [certificateDeadline(clock.dueAt, clock.explanation, 'running')],
        actorId: user.subject,
        at: now,
      });
      if (comparison.missing.length > 0) {
        const missingItems = {
          matterName: found.matter.nameZh,
          missing: comparison.missing,
          at: receivedAt,
          user,
          now,
        };
        await this.issueNotice(manager, app, missingItems);
      }
      await manager.save(app);
      return this.applications.view(manager, app, user);
    });
  }

  async receive(id: string, user: AuthUser, dto: MaterialsArrivalDto): Promise<ApplicationResponseDto> {
    const commitments = dto.commitments ?? [];
    return this.dataSource.transaction(async (manager) => {
      const now = new Date();
      const app = await this.applications.lockForStep(manager, id, user, 'hand in missing materials', [
        'awaiting-materials',
      ]);
      const pausedAt = app.clockPausedAt ?? now;
      const receivedAt = dto.receivedAt ? new Date(dto.receivedAt) : now;
      const outstanding = await manager.find(ApplicationMaterial, {
        where: { applicationId: app.id, provision: 'missing' },
        order: { sortOrder: 'ASC' },
      });
      const comparison = compareWithChecklist(outstanding, { documents: dto.materials, commitments });
      const what = 'a missing item of this application';
      const errors: FieldError[] = [
        ...receivedAtErrors('receivedAt', receivedAt, pausedAt, now),
        ...duplicateErrors(dto.materials, commitments),
        ...unknownCodeErrors(
          'materials',
          comparison.unknownDocuments,
          dto.materials.map((m) => m.code),
          what,
        ),
        ...unknownCodeErrors(
          'commitments',
          comparison.unknownCommitments,
          commitments.map((c) => c.code),
          what,
        ),
      ];
      if (dto.materials.length + commitments.length === 0)
        errors.push({ field: 'materials', messages: ['hand in at least one missing item'], codes: ['arrayMinSize'] });
      if (errors.length > 0) throw new InvalidInputError(errors);

      const arrived = comparison.items.filter((i) => i.provision !== 'missing');
      for (const item of comparison.items) {
        if (item.provision !== 'missing' || item.note)
          await manager.save(ApplicationMaterial, materialRow(app.id, item, receivedAt));
      }
      const stillMissing = comparison.missing;
      if (stillMissing.length > 0) {
        const detail = `Received ${arrived.map((a) => a.code).join(', ') || 'nothing usable'}; still missing ${stillMissing.map((m) => m.code).join(', ')}; the clock stays paused`;
        await this.history.record(manager, {
          applicationId: app.id,
          step: 'materials-partially-received',
          actorId: user.subject,
          detail,
          at: now,
        });
        return this.applications.view(manager, app, user);
      }
      await this.resumeClock(manager, app, { pausedAt, resumedAt: receivedAt, user, now });
      return this.applications.view(manager, app, user);
    });
  }

  /** One notice naming every missing item; the clock pauses from the moment the application was received. */
  private async issueNotice(
    manager: EntityManager,
    app: Application,
    missingItems: { matterName: string; missing: ItemOutcome[]; at: Date; user: AuthUser; now: Date },
  ): Promise<void> {
    const { matterName, missing, at, user, now } = missingItems;
    const items = missing.map((m) => ({ code: m.code, label: m.label }));
    const notice = oneTimeNoticeText(matterName, missing);
    await manager.insert(MaterialNotice, {
      id: randomUUID(),
      applicationId: app.id,
      items,
      notice,
      issuedAt: now,
      satisfiedAt: null,
    });
    Object.assign(app, { status: 'awaiting-materials', clockStatus: 'paused', clockPausedAt: at });
    await this.history.record(manager, {
      applicationId: app.id,
      step: 'needs-info',
      actorId: user.subject,
      detail: `One-time notice of ${items.length} missing item(s): ${items.map((i) => i.code).join(', ')}; clock paused`,
      at: now,
    });
    await this.reports.needsInfo(manager, { about: app, items, notice, actorId: user.subject, at: now });
  }

  /** Every missing item is in: the pause ends, the due date moves by the working days it consumed. */
  private async resumeClock(
    manager: EntityManager,
    app: Application,
    resumption: { pausedAt: Date; resumedAt: Date; user: AuthUser; now: Date },
  ): Promise<void> {
    const { pausedAt, resumedAt, user, now } = resumption;
    if (!app.submittedAt) throw new Error(`application ${app.id} has no acceptance date`);
    const notice = await manager.findOneByOrFail(MaterialNotice, { applicationId: app.id });
    const pauses = [...app.clockPauses, { pausedAt: pausedAt.toISOString(), resumedAt: resumedAt.toISOString() }];
    const clock = computeCertificateClock(app.submittedAt, pauses);
    const consumed = clock.pauses[clock.pauses.length - 1]?.consumed ?? 0;
    const previousDue = app.clockDueAt;
    Object.assign(app, {
      status: 'accepted',
      clockStatus: 'running',
      clockPausedAt: null,
      clockPauses: pauses,
      clockDueAt: clock.dueAt,
      clockExplanation: clock.explanation,
    });
    await manager.save(app);
    notice.satisfiedAt = resumedAt;
    await manager.save(notice);
    const received = notice.items.map((i) => i.code);
    const detail = `All ${received.length} missing item(s) received on ${shanghaiDateOf(resumedAt)}; the clock resumes, ${consumed} working day(s) paused; due ${previousDue?.toISOString() ?? 'n/a'} → ${clock.dueAt.toISOString()}`;
    await this.history.record(manager, {
      applicationId: app.id,
      step: 'materials-complete',
      actorId: user.subject,
      detail,
      at: now,
    });
    await this.reports.infoReceived(manager, { about: app, receivedItems: received, actorId: user.subject, at: now });
    await this.reports.progressed(manager, {
      about: app,
      step: 'materials-complete',
      detail,
      deadlines: [certificateDeadline(clock.dueAt, clock.explanation, 'running')],
      actorId: user.subject,
      at: now,
    });
  }
}

function materialRow(applicationId: string, item: ItemOutcome, receivedAt: Date): ApplicationMaterial {
  return {
    applicationId,
    code: item.code,
    label: item.label,
    commitmentAllowed: item.commitmentAllowed,
    sortOrder: item.sortOrder,
    provision: item.provision,
    reference: item.reference,
    commitmentSignatory: item.commitmentSignatory,
    note: item.note,
    receivedAt: item.provision === 'missing' ? null : receivedAt,
  };
}
