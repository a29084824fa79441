import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { HistoryModule } from '../history/history.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({ imports: [CasesModule, HistoryModule], controllers: [SessionsController], providers: [SessionsService] })
export class SessionsModule {}
