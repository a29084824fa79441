import { schemaOf } from '@legal/persistence';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEEDED_BY = 'migration:1764310400001';

/** [code, Chinese label, English label, legal basis, expertise tags] */
const EXEMPT_CATEGORIES: [string, string, string, string, string[]][] = [
  [
    'minor-without-fixed-income',
    '无固定生活来源的未成年人',
    'Minors without a fixed source of income',
    '法律援助法 第42条第(一)项',
    ['juvenile'],
  ],
  [
    'elderly-without-fixed-income',
    '无固定生活来源的老年人',
    'Elderly people without a fixed source of income',
    '法律援助法 第42条第(一)项',
    [],
  ],
  [
    'disabled-without-fixed-income',
    '无固定生活来源的残疾人',
    'Disabled people without a fixed source of income',
    '法律援助法 第42条第(一)项',
    [],
  ],
  [
    'subsistence-allowance',
    '最低生活保障对象（低保）',
    'Recipients of the subsistence allowance (dibao)',
    '法律援助法 第42条第(二)项',
    [],
  ],
  [
    'extreme-poverty-support',
    '特困供养人员',
    'People supported under the extreme-poverty scheme',
    '法律援助法 第42条第(二)项',
    [],
  ],
  [
    'social-assistance',
    '其他社会救助、司法救助或者优抚对象',
    'Other recipients of social or judicial assistance or special care',
    '法律援助法 第42条第(二)项',
    [],
  ],
  [
    'migrant-worker-wages',
    '申请支付劳动报酬的进城务工人员',
    'Migrant workers claiming unpaid wages',
    '法律援助法 第42条第(三)项',
    ['labour'],
  ],
  [
    'migrant-worker-injury',
    '请求工伤事故人身损害赔偿的进城务工人员',
    'Migrant workers claiming work-injury compensation',
    '法律援助法 第42条第(三)项',
    ['labour', 'work-injury'],
  ],
  [
    'hero-martyr-relative',
    '英雄烈士近亲属为维护英雄烈士的人格权益',
    'Close relatives of heroes and martyrs protecting their personality rights',
    '法律援助法 第32条第(一)项',
    [],
  ],
  [
    'good-samaritan',
    '因见义勇为行为主张相关民事权益',
    'Civil claims arising from acts of bravery (见义勇为)',
    '法律援助法 第32条第(二)项',
    [],
  ],
  [
    'acquitted-on-retrial',
    '再审改判无罪请求国家赔偿',
    'State compensation after acquittal on retrial',
    '法律援助法 第32条第(三)项',
    ['state-compensation'],
  ],
  [
    'abuse-violence-victim',
    '遭受虐待、遗弃或者家庭暴力的受害人主张相关权益',
    'Victims of abuse, abandonment or domestic violence',
    '法律援助法 第32条第(四)项',
    ['family'],
  ],
  [
    'notified-defence',
    '通知辩护',
    'Notified defence (court, procuratorate or police notice)',
    '法律援助法 第25条、第35条',
    ['criminal-defence'],
  ],
];

/**
 * Reference data of the hardship review and automatic acceptance, as rows that administrators edit
 * through the admin API: the statutory exempt categories, a province-wide default threshold (to be
 * replaced by each city's and county's published standard), and the default organisation capacity.
 */
export class LegalAidReferenceData1764310400001 implements MigrationInterface {
  name = 'LegalAidReferenceData1764310400001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const [code, labelZh, labelEn, legalBasis, tags] of EXEMPT_CATEGORIES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."exempt_category" ("code", "label_zh", "label_en", "legal_basis", "expertise_tags", "active", "updated_by") ` +
          `VALUES ($1, $2, $3, $4, $5, true, $6) ON CONFLICT ("code") DO NOTHING`,
        [code, labelZh, labelEn, legalBasis, tags, SEEDED_BY],
      );
    }
    await queryRunner.query(
      `INSERT INTO "${s}"."hardship_threshold" ("region_code", "level", "monthly_income_per_capita", "basis", "updated_by") ` +
        `VALUES ('370000', 'province', 1800.00, $1, $2) ON CONFLICT ("region_code") DO NOTHING`,
      [
        '省级默认值（初始数据）：请按各市、县（市、区）公布的经济困难标准通过管理接口配置 — initial province default; configure each city/county standard via the admin API',
        SEEDED_BY,
      ],
    );
    await queryRunner.query(
      `INSERT INTO "${s}"."organisation_capacity" ("organisation_id", "max_open_applications", "updated_by") VALUES ('*', 200, $1) ON CONFLICT ("organisation_id") DO NOTHING`,
      [SEEDED_BY],
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(
      `DELETE FROM "${s}"."organisation_capacity" WHERE "organisation_id" = '*' AND "updated_by" = $1`,
      [SEEDED_BY],
    );
    await queryRunner.query(
      `DELETE FROM "${s}"."hardship_threshold" WHERE "region_code" = '370000' AND "updated_by" = $1`,
      [SEEDED_BY],
    );
    await queryRunner.query(`DELETE FROM "${s}"."exempt_category" WHERE "updated_by" = $1`, [SEEDED_BY]);
  }
}
