import { Module } from '@nestjs/common';
import { SubmissionsModule } from '../submissions/submissions.module';
import { Open311Controller } from './open311.controller';
import { Open311Service } from './open311.service';

@Module({
  imports: [SubmissionsModule],
  controllers: [Open311Controller],
  providers: [Open311Service],
})
export class Open311Module {}
