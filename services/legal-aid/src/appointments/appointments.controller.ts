import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@legal/auth';
import { ConflictError } from '@legal/http';
import { DataSource } from 'typeorm';
import { ApplicationsService } from '../applications/applications.service';
import { IdParamDto } from '../http-params/id-param.dto';
import { assertInJurisdiction } from '../jurisdiction/jurisdiction';
import { AppointmentsService } from './appointments.service';
import { AppointmentCreateDto } from './dto/appointment-create.dto';
import { AppointmentResponseDto } from './dto/appointment-response.dto';

@ApiTags('applications: appointment')
@Controller('applications/:id/appointment')
export class AppointmentsController {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly applications: ApplicationsService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  @Post()
  @Roles('legal-aid-officer')
  @ApiOperation({
    summary:
      'Appoint a lawyer (after the grant, or at once for urgent cases and notified defence); 409 before the grant or when already appointed',
  })
  @ApiResponse({ status: 201, type: AppointmentResponseDto })
  async appoint(
    @Param() params: IdParamDto,
    @Body() body: AppointmentCreateDto,
    @CurrentUser() user: AuthUser,
  ): Promise<AppointmentResponseDto> {
    const appointment = await this.dataSource.transaction(async (manager) => {
      const application = await this.applications.lock(manager, params.id);
      assertInJurisdiction(user, application.regionCode);
      return this.appointments.appoint(manager, application, {
        actor: user.subject,
        mode: 'manual',
        lawyerId: body.lawyerId,
      });
    });
    if (!appointment) throw new ConflictError('no-lawyer-available', 'No lawyer with capacity could be appointed');
    return AppointmentResponseDto.of(appointment);
  }
}
