import { describeError, isTransientInfrastructureError } from './transient-error';

describe('transient infrastructure errors', () => {
  it.each([
    [
      'pg_terminate_backend (57P01)',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    ['a connection exception class 08', Object.assign(new Error('connection failure'), { code: '08006' })],
    [
      'a refused TCP connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a deadlock', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    [
      'a TypeORM QueryFailedError wrapping a driver error',
      Object.assign(new Error('query failed'), { driverError: { code: '57P01' } }),
    ],
    [
      'a retriable kafkajs error',
      Object.assign(new Error('broker gone'), { name: 'KafkaJSConnectionError', retriable: true }),
    ],
    [
      'an error caused by a connection timeout',
      new Error('outer', { cause: new Error('timeout exceeded when trying to connect') }),
    ],
  ])('%s is retried without limit', (_case, error) => {
    expect(isTransientInfrastructureError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a plain handler bug', new TypeError("Cannot read properties of undefined (reading 'x')")],
    [
      'a non-retriable kafkajs error',
      Object.assign(new Error('bad'), { name: 'KafkaJSNonRetriableError', retriable: false }),
    ],
    ['a string', 'boom'],
    ['null', null],
  ])('%s counts as the message failing', (_case, error) => {
    expect(isTransientInfrastructureError(error)).toBe(false);
  });

  it('describes errors on one bounded line', () => {
    expect(describeError(new RangeError('out'))).toBe('RangeError: out');
    expect(describeError('x'.repeat(50), 10)).toHaveLength(10);
  });
});
