import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@legal/auth';
import type { DataSource } from 'typeorm';
import { DailyDeadlineRollup, DailyRollup } from '../facts/daily-rollup.entity';
import { DeadlineFact } from '../facts/deadline-fact.entity';
import { tableOf } from '../facts/table-name';
import { WorkOrderFact } from '../facts/work-order-fact.entity';
import { ReadModelResetDto } from '../indicators/dto/indicator-response.dto';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/read-model')
export class ReadModelResetController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('reset')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Empties the fact tables before a rebuild',
    description:
      "Then call work-order's POST /admin/work-orders/republish until nextAfterId is null: each work order's " +
      'current view lands here again. Times of intermediate steps a republished view does not carry ' +
      '(first dispatch, acceptance) come back only from a replay of the topic (reset the oversight.* groups).',
  })
  @ApiOkResponse({ type: ReadModelResetDto })
  async reset(): Promise<ReadModelResetDto> {
    const m = this.dataSource.manager;
    // TRUNCATE fires no row triggers: the roll-ups are emptied with the facts they sum. handler_outcome_fact and
    // callback_fact stay: a republish carries no handler report or callback, and each republished view copies its
    // work order's outcomes and callback counts back. offer_fact stays too: a republish carries no earlier offer.
    await m.query(`TRUNCATE ${tableOf(m, DeadlineFact)}, ${tableOf(m, WorkOrderFact)}, ${tableOf(m, DailyRollup)},
      ${tableOf(m, DailyDeadlineRollup)}`);
    return { emptied: ['deadline_fact', 'work_order_fact', 'daily_rollup', 'daily_deadline_rollup'] };
  }
}
