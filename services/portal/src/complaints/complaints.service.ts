import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@legal/auth';
import type { CitizenKeys } from '../common/citizen-identity';
import type { SubmissionAccepted } from '../submissions/new-submission';
import { SubmissionsService } from '../submissions/submissions.service';
import { TrackingService } from '../tracking/tracking.service';
import type { ComplaintCreateDto } from './dto/complaint-create.dto';

/**
 * A complaint about a service is its own intake (service type `complaint`, linked by
 * `relatedCaseCode`); the work-order service routes it to a unit independent of the organisation
 * complained about. The complainant must prove the case is theirs, like tracking.
 */
@Injectable()
export class ComplaintsService {
  constructor(
    private readonly tracking: TrackingService,
    private readonly submissions: SubmissionsService,
  ) {}

  async file(
    dto: ComplaintCreateDto,
    user: AuthUser | undefined,
    citizen: CitizenKeys | undefined,
  ): Promise<SubmissionAccepted> {
    const { view } = await this.tracking.verify(dto.relatedCaseCode, { accessCode: dto.accessCode, citizen });
    const citizenUserId = citizen?.userId;
    return this.submissions.submit({
      kind: 'complaint',
      serviceType: 'complaint',
      regionCode: dto.regionCode ?? view.regionCode,
      description: dto.description,
      relatedCaseCode: view.caseCode,
      contact: {
        name: dto.contact.name,
        phone: dto.contact.phone,
        idCardNumber: dto.contact.idCardNumber,
        address: dto.contact.address,
      },
      language: 'zh',
      urgency: 'normal',
      submittedBy: { userId: user?.subject, role: citizenUserId ? 'citizen' : 'anonymous' },
      citizenUserId,
      citizenVerifiedPhone: citizenUserId ? user?.phone : undefined,
    });
  }
}
