import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@legal/auth';
import { DomainError, InvalidInputError } from '@legal/http';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { assertAllowed, nextState } from '../applications/application-state';
import { ApplicationsService } from '../applications/applications.service';
import type { Application } from '../applications/entities/application.entity';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { HandlerReporter } from '@legal/handler-kit';
import { reportSubject } from '../applications/report-subject';
import type { HardshipOverrideDto } from './dto/hardship-override.dto';
import type { HardshipReviewCreateDto } from './dto/hardship-review-create.dto';
import { ExemptCategory } from './entities/exempt-category.entity';
import { HardshipReview } from './entities/hardship-review.entity';
import { HardshipThreshold } from './entities/hardship-threshold.entity';
import type { ExemptionConfirmDto } from './dto/exemption-confirm.dto';
import { proposeExemptCategory } from './exempt-category-proposal';
import {
  CategorySnapshot,
  evaluateHardship,
  HardshipInputs,
  inputProblems,
  pickThreshold,
  ProposalSnapshot,
  ReviewSnapshot,
  thresholdChain,
} from './hardship-evaluation';

/** The exempt category the application's matter shows, among the active ones (null when none). */
export async function exemptProposalFor(
  manager: EntityManager,
  application: Application,
): Promise<ProposalSnapshot | null> {
  const active = await manager.find(ExemptCategory, { where: { active: true } });
  const facts = { description: application.description, tags: application.expertiseTags, kind: application.kind };
  const proposed = proposeExemptCategory(
    facts,
    active.map((c) => c.code),
  );
  const category = proposed ? active.find((c) => c.code === proposed.code) : undefined;
  if (!proposed || !category) return null;
  return {
    code: category.code,
    labelZh: category.labelZh,
    labelEn: category.labelEn,
    legalBasis: category.legalBasis,
    reason: proposed.reason,
  };
}

const RESULT_WORDS = {
  exempt: 'exempt from the economic-hardship check',
  eligible: 'in economic hardship',
  ineligible: 'not in economic hardship',
} as const;

/** Records the economic-hardship review (经济困难核查) and officers' overrides, with every input frozen. */
@Injectable()
export class HardshipReviewService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly reports: HandlerReporter,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async review(
    applicationId: string,
    dto: HardshipReviewCreateDto,
    user: AuthUser,
  ): Promise<{ application: Application; review: HardshipReview }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      const facts = await this.applications.facts(manager, application);
      assertAllowed('review', facts);
      const inputs: HardshipInputs = {
        householdSize: dto.householdSize ?? null,
        householdMonthlyIncome: dto.householdMonthlyIncome ?? null,
        exemptCategoryCode: dto.exemptCategoryCode ?? null,
        integrityCommitment: dto.integrityCommitment,
        matterTags: dto.matterTags ?? [],
        notes: dto.notes ?? null,
      };
      const category = inputs.exemptCategoryCode ? await this.activeCategory(manager, inputs.exemptCategoryCode) : null;
      const problems = inputProblems(inputs, { exempt: category !== null });
      if (problems.length > 0) throw new InvalidInputError(problems);
      const chain = thresholdChain(application.matterRegionCode);
      const threshold = category
        ? null
        : pickThreshold(chain, await manager.find(HardshipThreshold, { where: { regionCode: In(chain) } }));
      if (!category && !threshold) {
        throw new DomainError(
          'threshold-missing',
          `No economic-hardship threshold is configured for ${chain.join(', ')}`,
          HttpStatus.UNPROCESSABLE_ENTITY,
        );
      }
      const exemption: CategorySnapshot | null = category
        ? { code: category.code, labelZh: category.labelZh, labelEn: category.labelEn, legalBasis: category.legalBasis }
        : null;
      const evaluation = evaluateHardship(inputs, exemption, threshold ?? null);
      const proposedExemption = exemption ? null : await exemptProposalFor(manager, application);
      const now = new Date();
      const snapshot: ReviewSnapshot = {
        inputs,
        matterRegionCode: application.matterRegionCode,
        exemption,
        proposedExemption,
        threshold: threshold ?? null,
        monthlyIncomePerCapita: evaluation.monthlyIncomePerCapita,
        rule: evaluation.rule,
        computedResult: evaluation.result,
        explanation: evaluation.explanation,
        evaluatedAt: now.toISOString(),
        overrides: [],
      };
      const review = manager.create(HardshipReview, {
        id: randomUUID(),
        applicationId: application.id,
        householdSize: inputs.householdSize,
        householdMonthlyIncome: inputs.householdMonthlyIncome,
        monthlyIncomePerCapita: evaluation.monthlyIncomePerCapita,
        exemptCategoryCode: exemption?.code ?? null,
        thresholdAmount: threshold?.monthlyIncomePerCapita ?? null,
        thresholdRegionCode: threshold?.regionCode ?? null,
        thresholdSource: threshold?.source ?? null,
        integrityCommitment: inputs.integrityCommitment,
        commitmentSignedAt: inputs.integrityCommitment ? now : null,
        computedResult: evaluation.result,
        overrideResult: null,
        overrideReason: null,
        overriddenBy: null,
        overriddenAt: null,
        finalResult: evaluation.result,
        explanation: evaluation.explanation.slice(0, 1000),
        snapshot,
        reviewedBy: user.subject.slice(0, 64),
        reviewedAt: now,
      });
      await manager.insert(HardshipReview, review);
      const tags = [
        ...new Set([...application.expertiseTags, ...(category?.expertiseTags ?? []), ...inputs.matterTags]),
      ];
      await this.applications.transition(manager, application, {
        to: nextState('review', facts),
        action: 'hardship-reviewed',
        actor: user.subject,
        detail: evaluation.explanation,
        changes: { expertiseTags: tags },
      });
      const basis = exemption ? ` (${exemption.labelZh})` : ` (${threshold?.source} threshold)`;
      await this.reports.progressed(manager, {
        about: reportSubject(application),
        step: 'hardship-reviewed',
        detail: `Economic-hardship review recorded: ${RESULT_WORDS[evaluation.result]}${basis}`,
        deadlines: [],
        actorId: user.subject,
        at: now,
      });
      return { application, review };
    });
  }

  async override(
    applicationId: string,
    dto: HardshipOverrideDto,
    user: AuthUser,
  ): Promise<{ application: Application; review: HardshipReview }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      assertAllowed('override-review', await this.applications.facts(manager, application));
      const review = await manager.findOneOrFail(HardshipReview, { where: { applicationId } });
      const now = new Date();
      const previous = review.finalResult;
      review.snapshot = {
        ...review.snapshot,
        overrides: [
          ...review.snapshot.overrides,
          { result: dto.result, reason: dto.reason, by: user.subject, at: now.toISOString(), previousResult: previous },
        ],
      };
      Object.assign(review, {
        overrideResult: dto.result,
        overrideReason: dto.reason,
        overriddenBy: user.subject.slice(0, 64),
        overriddenAt: now,
        finalResult: dto.result,
      });
      await manager.save(review);
      await this.applications.transition(manager, application, {
        to: application.state,
        action: 'hardship-review-overridden',
        actor: user.subject,
        detail: `${previous} → ${dto.result}: ${dto.reason}`,
      });
      await this.reports.progressed(manager, {
        about: reportSubject(application),
        step: 'hardship-review-overridden',
        detail: `Economic-hardship result set by an officer to ${RESULT_WORDS[dto.result]}`,
        deadlines: [],
        actorId: user.subject,
        at: now,
      });
      return { application, review };
    });
  }

  /**
   * The officer confirms an exempt category (usually the proposed one) after the review: the result becomes
   * exempt, the category and the reason are recorded as an override, before the decision only.
   */
  async confirmExemption(
    applicationId: string,
    dto: ExemptionConfirmDto,
    user: AuthUser,
  ): Promise<{ application: Application; review: HardshipReview }> {
    return this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, applicationId);
      assertInJurisdiction(user, application.regionCode);
      assertAllowed('override-review', await this.applications.facts(manager, application));
      const review = await manager.findOneOrFail(HardshipReview, { where: { applicationId } });
      const category = await this.activeCategory(manager, dto.exemptCategoryCode);
      const exemption: CategorySnapshot = {
        code: category.code,
        labelZh: category.labelZh,
        labelEn: category.labelEn,
        legalBasis: category.legalBasis,
      };
      const now = new Date();
      const previous = review.finalResult;
      const reason =
        `exempt category ${category.code} (${category.labelZh}, ${category.legalBasis}) confirmed: ${dto.reason}`.slice(
          0,
          1000,
        );
      review.snapshot = {
        ...review.snapshot,
        exemption,
        overrides: [
          ...review.snapshot.overrides,
          { result: 'exempt', reason, by: user.subject, at: now.toISOString(), previousResult: previous },
        ],
      };
      Object.assign(review, {
        exemptCategoryCode: category.code,
        overrideResult: 'exempt',
        overrideReason: reason,
        overriddenBy: user.subject.slice(0, 64),
        overriddenAt: now,
        finalResult: 'exempt',
      });
      await manager.save(review);
      await this.applications.transition(manager, application, {
        to: application.state,
        action: 'hardship-exemption-confirmed',
        actor: user.subject,
        detail: `${previous} → exempt: ${reason}`,
      });
      await this.reports.progressed(manager, {
        about: reportSubject(application),
        step: 'hardship-exemption-confirmed',
        detail: `Economic-hardship check not required: exempt category ${category.labelZh} (${category.legalBasis}) confirmed by an officer`,
        deadlines: [],
        actorId: user.subject,
        at: now,
      });
      return { application, review };
    });
  }

  private async activeCategory(manager: EntityManager, code: string): Promise<ExemptCategory> {
    const category = await manager.findOne(ExemptCategory, { where: { code, active: true } });
    if (!category) {
      throw new InvalidInputError([
        {
          field: 'exemptCategoryCode',
          messages: [`${code} is not an active exempt category`],
          codes: ['unknownExemptCategory'],
        },
      ]);
    }
    return category;
  }
}
