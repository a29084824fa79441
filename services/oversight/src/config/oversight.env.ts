import { BaseEnv } from '@legal/config';
import { Transform } from 'class-transformer';
import { IsInt, IsString, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;

/** Environment of the oversight service: the shared variables (see .env.example) plus its own. */
export class OversightEnv extends BaseEnv {
  /**
   * How often each instance checks whether last month's report exists (it is built on the first of each
   * month, Asia/Shanghai; 0 turns the job off).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(86_400_000)
  MONTHLY_REPORT_CHECK_INTERVAL_MS = 3_600_000;

  /** A font with Chinese glyphs for the PNG charts and the PDF report (Debian: fonts-wqy-zenhei). */
  @IsString()
  CJK_FONT_FILE = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
}
