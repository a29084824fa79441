import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  CallbackCompleted,
  EvaluationSubmitted,
  Progressed,
  Resolved,
  RosterCoverageChanged,
  WorkOrderChanged,
} from '@legal/contracts';
import { MessageConsumers } from '@legal/messaging';
import { FactsService } from './facts.service';

/** Feeds the oversight read model from the lifecycle stream and the handlers' reports, in its own consumer groups (`oversight.*`). */
@Injectable()
export class FactsProjector implements OnModuleInit {
  constructor(
    private readonly consumers: MessageConsumers,
    private readonly facts: FactsService,
  ) {}

  onModuleInit(): void {
    this.consumers.register({
      group: 'work-order-facts',
      events: [WorkOrderChanged],
      handle: async (event, manager) => this.facts.applyChange(manager, event.data, new Date()),
    });
    this.consumers.register({
      group: 'handler-outcome-facts',
      events: [Progressed, Resolved],
      handle: async (event, manager) => this.facts.applyReport(manager, event.data, new Date()),
    });
    this.consumers.register({
      group: 'callback-facts',
      events: [CallbackCompleted],
      handle: async (event, manager) => this.facts.applyCallback(manager, event.data),
    });
    this.consumers.register({
      group: 'roster-coverage-facts',
      events: [RosterCoverageChanged],
      handle: async (event, manager) => this.facts.applyRosterCoverage(manager, event.data),
    });
    this.consumers.register({
      group: 'evaluation-facts',
      events: [EvaluationSubmitted],
      handle: async (event, manager) => this.facts.applyEvaluation(manager, event.data),
    });
  }
}
