import { idCardCheckCharacter } from '@legal/domain';

const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '黄',
  '周',
  '吴',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '华',
  '平',
];

export interface SyntheticCitizen {
  name: string;
  phone: string;
  idCardNumber: string;
  address: string;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/**
 * A distinct, valid-looking person for synthetic request number `n` of a run: unique mobile number
 * and ID-card number (GB 11643 check character computed), so the router's dedupe never merges two
 * bench requests by accident. `runSalt` (0..99) keeps two runs apart.
 */
export function syntheticCitizen(n: number, countyCode: string, runSalt: number): SyntheticCitizen {
  const phone = `13${pad(runSalt % 100, 2)}${pad(n % 10_000_000, 7)}`;
  const year = 1950 + (n % 50);
  const month = 1 + (n % 12);
  const day = 1 + (n % 28);
  const first17 = `${countyCode.slice(0, 6)}${year}${pad(month, 2)}${pad(day, 2)}${pad(n % 1000, 3)}`;
  const name = `${SURNAMES[n % SURNAMES.length] ?? '王'}${GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length] ?? '伟'}`;
  return {
    name,
    phone,
    idCardNumber: `${first17}${idCardCheckCharacter(first17)}`,
    address: `山东省某县某街道${(n % 500) + 1}号`,
  };
}
