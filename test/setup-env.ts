// Integration, end-to-end and fault specs: quiet logs unless asked for, and time limits that fit
// real servers on a shared 2-core machine (Jest applies `testTimeout` only at the top level, so it
// is set here per project).
process.env.LOG_LEVEL ??= 'warn';
process.env.NODE_ENV ??= 'test';
jest.setTimeout(Number(process.env.JEST_TEST_TIMEOUT_MS ?? 120_000));
