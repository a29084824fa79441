// Fault specs stop brokers and kill processes: allow them longer.
process.env.LOG_LEVEL ??= 'warn';
process.env.NODE_ENV ??= 'test';
jest.setTimeout(Number(process.env.JEST_FAULT_TIMEOUT_MS ?? 300_000));
