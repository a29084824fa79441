import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

type Material = [code: string, label: string, commitmentAllowed: boolean];
type MatterSeed = {
  code: string;
  nameZh: string;
  nameEn: string;
  feeFen: number;
  feeNote: string | null;
  materials: Material[];
};

const ID_CARD: Material = ['applicant-id-card', '申请人居民身份证', false];
const HOUSEHOLD: Material = ['household-register', '户口簿', false];

/**
 * The published catalogue of common matters with their checklists (证明材料清单制) and the items a
 * signed commitment may replace (告知承诺制). Starting data, edited afterwards through the admin API.
 */
const MATTERS: MatterSeed[] = [
  {
    code: 'birth',
    nameZh: '出生公证',
    nameEn: 'Birth',
    feeFen: 8000,
    feeNote: null,
    materials: [
      ID_CARD,
      HOUSEHOLD,
      ['birth-medical-certificate', '出生医学证明', true],
      ['parents-identity', '父母身份证明', true],
    ],
  },
  {
    code: 'kinship',
    nameZh: '亲属关系公证',
    nameEn: 'Kinship',
    feeFen: 8000,
    feeNote: null,
    materials: [
      ID_CARD,
      HOUSEHOLD,
      ['kinship-proof', '亲属关系证明（派出所或村/居委会出具）', true],
      ['relative-identity', '关系人身份证明或户籍注销证明', true],
    ],
  },
  {
    code: 'degree',
    nameZh: '学历学位公证',
    nameEn: 'Academic degree',
    feeFen: 8000,
    feeNote: null,
    materials: [ID_CARD, ['diploma', '毕业证书原件', false], ['degree-certificate', '学位证书原件', false]],
  },
  {
    code: 'no-criminal-record',
    nameZh: '无犯罪记录公证',
    nameEn: 'No criminal record',
    feeFen: 8000,
    feeNote: null,
    materials: [
      ID_CARD,
      ['household-register', '户口簿', true],
      ['police-record-certificate', '公安机关出具的无犯罪记录证明', false],
    ],
  },
  {
    code: 'marital-status',
    nameZh: '婚姻状况公证',
    nameEn: 'Marital status',
    feeFen: 8000,
    feeNote: null,
    materials: [ID_CARD, HOUSEHOLD, ['marriage-registration-record', '婚姻登记档案证明', true]],
  },
  {
    code: 'power-of-attorney',
    nameZh: '委托书公证',
    nameEn: 'Power of attorney',
    feeFen: 20000,
    feeNote: null,
    materials: [
      ID_CARD,
      ['attorney-document', '委托书文本', false],
      ['agent-identity', '受托人身份证明复印件', true],
      ['property-ownership', '所涉财产的权属证明', true],
    ],
  },
  {
    code: 'inheritance',
    nameZh: '继承公证',
    nameEn: 'Inheritance',
    feeFen: 20000,
    feeNote: '按遗产价值分段累进收取，最低200元',
    materials: [
      ID_CARD,
      ['decedent-death-proof', '被继承人死亡证明', true],
      ['heir-kinship-proof', '继承人与被继承人的亲属关系证明', true],
      ['decedent-marital-status', '被继承人婚姻状况证明', true],
      ['estate-ownership', '遗产权属证明（不动产权证书、存款凭证等）', false],
      ['heirs-identity', '全体继承人身份证明', false],
    ],
  },
  {
    code: 'contract',
    nameZh: '合同公证',
    nameEn: 'Contract',
    feeFen: 30000,
    feeNote: '按合同标的额比例收取，最低300元',
    materials: [
      ID_CARD,
      ['contract-text', '合同文本', false],
      ['counterparty-identity', '对方当事人身份证明或营业执照', false],
      ['subject-ownership', '合同标的权属证明', true],
    ],
  },
];

export class SeedMatterCatalogue1764330000001 implements MigrationInterface {
  name = 'SeedMatterCatalogue1764330000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const m of MATTERS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."matter" ("code", "name_zh", "name_en", "fee_fen", "fee_note") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [m.code, m.nameZh, m.nameEn, m.feeFen, m.feeNote],
      );
      for (const [i, [code, label, commitmentAllowed]] of m.materials.entries()) {
        await queryRunner.query(
          `INSERT INTO "${s}"."matter_material" ("matter_code", "code", "label", "commitment_allowed", "sort_order") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
          [m.code, code, label, commitmentAllowed, i + 1],
        );
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${s}"."matter" WHERE "code" = ANY($1::varchar[])`, [
      MATTERS.map((m) => m.code),
    ]);
  }
}
