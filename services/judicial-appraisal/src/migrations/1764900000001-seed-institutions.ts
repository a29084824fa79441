import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/** Shandong's cities (GB/T 2260; 莱芜 merged into 济南 in 2019): one appraisal centre each. */
const CITIES: readonly [string, string][] = [
  ['370100', '济南市'],
  ['370200', '青岛市'],
  ['370300', '淄博市'],
  ['370400', '枣庄市'],
  ['370500', '东营市'],
  ['370600', '烟台市'],
  ['370700', '潍坊市'],
  ['370800', '济宁市'],
  ['370900', '泰安市'],
  ['371000', '威海市'],
  ['371100', '日照市'],
  ['371300', '临沂市'],
  ['371400', '德州市'],
  ['371500', '聊城市'],
  ['371600', '滨州市'],
  ['371700', '菏泽市'],
];

const ALL_CATEGORIES = ['forensic-medicine', 'physical-evidence', 'audio-visual', 'environmental-damage'];

/** Three appraisers per centre: two forensic (one also physical evidence), one audio-visual/environmental. */
const APPRAISERS: readonly [string, string[]][] = [
  ['王建国', ['forensic-medicine', 'physical-evidence']],
  ['李秀兰', ['forensic-medicine']],
  ['赵明', ['audio-visual', 'environmental-damage']],
];

/**
 * Seeds one judicial appraisal centre per city (licence code `<city>001`, organisation `org-<city>-appraisal`
 * as the work-order catalogue seeds it, head `appraisal-head-<city>`) with three appraisers. Admins keep
 * the real register; this is what a fresh system routes to.
 */
export class SeedInstitutions1764900000001 implements MigrationInterface {
  name = 'SeedInstitutions1764900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const [region, city] of CITIES) {
      const code = `${region}001`;
      await queryRunner.query(
        `INSERT INTO "${s}"."appraisal_institution"
           ("code", "organisation_id", "name", "region_code", "categories", "head_subject")
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [code, `org-${region}-appraisal`, `${city}司法鉴定中心`, region, ALL_CATEGORIES, `appraisal-head-${region}`],
      );
      for (const [i, [name, categories]] of APPRAISERS.entries()) {
        await queryRunner.query(
          `INSERT INTO "${s}"."appraiser" ("id", "institution_code", "name", "licence_number", "categories")
           VALUES (gen_random_uuid(), $1, $2, $3, $4)`,
          [code, name, `${code}${String(i + 1).padStart(3, '0')}`, categories],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${s}"."appraiser"`);
    await queryRunner.query(`DELETE FROM "${s}"."appraisal_institution"`);
  }
}
