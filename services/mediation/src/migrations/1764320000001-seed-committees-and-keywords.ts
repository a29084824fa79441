import { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '@legal/persistence';

/**
 * Starting data, editable afterwards through the admin API: committees of some villages, townships
 * and a county in Linyi (兰陵县) and Jinan (历下区), their mediators, and the dispute keyword table.
 * Re-running inserts nothing twice.
 */
const COMMITTEES: [id: string, regionCode: string, level: string, name: string][] = [
  ['b17cb703-0867-41bd-95d0-0a276fad39c9', '371324101201', 'village', '兰陵县大仲村镇大仲村人民调解委员会'],
  ['7a7e1ab7-b015-40d9-a88d-9dafdb14d5bd', '371324101203', 'village', '兰陵县大仲村镇河西村人民调解委员会'],
  ['ae94bf58-58b2-4263-849c-271e9aaeb47e', '371324101', 'township', '兰陵县大仲村镇人民调解委员会'],
  ['e60f13a5-1b87-4518-a00f-d556cdb0fef6', '371324102', 'township', '兰陵县兰陵镇人民调解委员会'],
  ['42a58379-9646-49b0-84b7-42ebc92835b8', '371324', 'county', '兰陵县人民调解委员会'],
  ['e3dc72a4-0456-4a0e-a3b2-332c25b77052', '370102002', 'township', '济南市历下区千佛山街道人民调解委员会'],
];

const MEDIATORS: [id: string, committeeId: string, name: string, specialties: string[], maxOpenCases: number][] = [
  [
    '73101c82-196c-4954-8d62-8fb6510bf202',
    'b17cb703-0867-41bd-95d0-0a276fad39c9',
    '王秀英',
    ['family', 'neighbour'],
    6,
  ],
  ['7b9c5396-4386-435d-a7be-0367c079d514', 'b17cb703-0867-41bd-95d0-0a276fad39c9', '刘建国', ['labour', 'property'], 6],
  [
    '4ba53cd5-207f-45c5-97ab-ae86a13484fd',
    '7a7e1ab7-b015-40d9-a88d-9dafdb14d5bd',
    '孙德明',
    ['neighbour', 'property'],
    5,
  ],
  [
    '25633208-a949-4de2-81e9-03c9c8e3fef8',
    'ae94bf58-58b2-4263-849c-271e9aaeb47e',
    '张玉兰',
    ['family', 'consumer'],
    10,
  ],
  [
    '04f82daf-a4f8-495f-9b75-aefc63e39369',
    'ae94bf58-58b2-4263-849c-271e9aaeb47e',
    '李志强',
    ['labour', 'neighbour', 'property'],
    10,
  ],
  [
    'a179aa93-eec7-4c87-bf18-ff5e4b39c89c',
    'e60f13a5-1b87-4518-a00f-d556cdb0fef6',
    '赵春梅',
    ['family', 'neighbour', 'labour'],
    10,
  ],
  [
    'a1586204-5c2d-4389-9154-5c0bfb62d0ee',
    '42a58379-9646-49b0-84b7-42ebc92835b8',
    '陈立新',
    ['labour', 'consumer', 'property'],
    15,
  ],
  [
    '3c7a3d3e-a0b6-412c-9728-9b57da079378',
    'e3dc72a4-0456-4a0e-a3b2-332c25b77052',
    '周静',
    ['consumer', 'property', 'neighbour'],
    10,
  ],
];

const KEYWORDS: [category: string, keyword: string, weight: number][] = [
  ['family', '离婚', 3],
  ['family', '婚姻', 2],
  ['family', '夫妻', 2],
  ['family', '抚养', 3],
  ['family', '赡养', 3],
  ['family', '子女', 1],
  ['family', '老人', 1],
  ['family', '彩礼', 3],
  ['family', '继承', 2],
  ['family', '分家', 3],
  ['family', '家庭', 1],
  ['family', '婆媳', 3],
  ['neighbour', '邻居', 3],
  ['neighbour', '邻里', 3],
  ['neighbour', '噪音', 2],
  ['neighbour', '漏水', 2],
  ['neighbour', '排水', 2],
  ['neighbour', '采光', 2],
  ['neighbour', '通道', 1],
  ['neighbour', '界址', 2],
  ['neighbour', '院墙', 2],
  ['neighbour', '楼上', 1],
  ['labour', '拖欠工资', 4],
  ['labour', '欠薪', 4],
  ['labour', '工资', 2],
  ['labour', '工钱', 3],
  ['labour', '工伤', 4],
  ['labour', '劳动', 2],
  ['labour', '劳务', 2],
  ['labour', '加班', 2],
  ['labour', '辞退', 3],
  ['labour', '社保', 2],
  ['labour', '老板', 1],
  ['labour', '包工头', 3],
  ['property', '宅基地', 3],
  ['property', '承包地', 3],
  ['property', '土地', 2],
  ['property', '房屋', 2],
  ['property', '租赁', 2],
  ['property', '房租', 2],
  ['property', '物业', 2],
  ['property', '借款', 2],
  ['property', '欠款', 2],
  ['property', '林地', 2],
  ['consumer', '消费', 2],
  ['consumer', '商品', 2],
  ['consumer', '退货', 3],
  ['consumer', '退款', 3],
  ['consumer', '质量问题', 2],
  ['consumer', '网购', 3],
  ['consumer', '商家', 2],
  ['consumer', '预付卡', 3],
  ['consumer', '假货', 3],
  ['consumer', '售后', 3],
];

export class SeedCommitteesAndKeywords1764320000001 implements MigrationInterface {
  name = 'SeedCommitteesAndKeywords1764320000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    for (const [id, regionCode, level, name] of COMMITTEES) {
      await queryRunner.query(
        `INSERT INTO "${s}"."committee" ("id", "region_code", "level", "name") VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
        [id, regionCode, level, name],
      );
    }
    for (const [id, committeeId, name, specialties, maxOpenCases] of MEDIATORS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."mediator" ("id", "committee_id", "name", "specialties", "max_open_cases") VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [id, committeeId, name, specialties, maxOpenCases],
      );
    }
    for (const [category, keyword, weight] of KEYWORDS) {
      await queryRunner.query(
        `INSERT INTO "${s}"."dispute_keyword" ("id", "category", "keyword", "weight") VALUES (gen_random_uuid(), $1, $2, $3) ON CONFLICT DO NOTHING`,
        [category, keyword, weight],
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = schemaOf(queryRunner);
    await queryRunner.query(`DELETE FROM "${s}"."mediator" WHERE "id" = ANY($1::uuid[])`, [MEDIATORS.map((m) => m[0])]);
    await queryRunner.query(`DELETE FROM "${s}"."committee" WHERE "id" = ANY($1::uuid[])`, [
      COMMITTEES.map((c) => c[0]),
    ]);
    for (const [category, keyword] of KEYWORDS) {
      await queryRunner.query(`DELETE FROM "${s}"."dispute_keyword" WHERE "category" = $1 AND "keyword" = $2`, [
        category,
        keyword,
      ]);
    }
  }
}
