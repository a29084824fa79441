export { isolatedOverrides, uniqueTag } from './isolation';
export { TestAuthority } from './test-authority';
export type { TestTokenClaims } from './test-authority';
export { waitUntil } from './wait-until';
export { runningDeadline, testCaseCode, WorkOrderScript, WorkOrderStreamFixture } from './work-order-stream.fixture';
export type { ChangedData } from './work-order-stream.fixture';
export { countStatements, listing, sentStatements } from './statement-counter';
export type { CountedStatement, SentStatement } from './statement-counter';
