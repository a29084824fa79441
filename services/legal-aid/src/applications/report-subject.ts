import type { ReportSubject } from '@legal/handler-kit';
import type { Application } from './entities/application.entity';

/** What a report to work-order says about an application: its case number is the handler case id. */
export function reportSubject(application: Pick<Application, 'id' | 'workOrderId' | 'caseNumber'>): ReportSubject {
  return { workOrderId: application.workOrderId, id: application.id, handlerCaseId: application.caseNumber };
}
