import { KafkaJSConnectionError, KafkaJSNumberOfRetriesExceeded, KafkaJSProtocolError } from 'kafkajs';
import {
  attributableRejections,
  groupByKey,
  OutboxRecordError,
  publishRejectionScope,
  Rejection,
} from './publish-rejection';

function protocolError(type: string, retriable: boolean): Error {
  return new KafkaJSProtocolError({ message: type, type, code: 0, retriable } as never);
}

describe('publishRejectionScope', () => {
  it('blames the record for a record the broker refuses (too large, invalid) and for one that cannot be encoded', () => {
    expect(publishRejectionScope(protocolError('MESSAGE_TOO_LARGE', false))).toBe('record');
    expect(publishRejectionScope(protocolError('RECORD_LIST_TOO_LARGE', false))).toBe('record');
    expect(publishRejectionScope(protocolError('INVALID_RECORD', false))).toBe('record');
    expect(publishRejectionScope(new OutboxRecordError('cannot encode'))).toBe('record');
  });

  it('blames the topic for a missing, invalid or unauthorised topic, also behind kafkajs retries', () => {
    const retried = new KafkaJSNumberOfRetriesExceeded(protocolError('UNKNOWN_TOPIC_OR_PARTITION', true), {
      retryCount: 5,
      retryTime: 2000,
    });
    expect(publishRejectionScope(retried)).toBe('topic');
    expect(publishRejectionScope(protocolError('TOPIC_AUTHORIZATION_FAILED', false))).toBe('topic');
    expect(publishRejectionScope(protocolError('INVALID_TOPIC_EXCEPTION', false))).toBe('topic');
  });

  it('blames nobody for infrastructure failures: they never count against a row', () => {
    expect(
      publishRejectionScope(new KafkaJSConnectionError('Connection error: connect ECONNREFUSED 127.0.0.1:9092')),
    ).toBeUndefined();
    expect(publishRejectionScope(protocolError('NOT_LEADER_OR_FOLLOWER', true))).toBeUndefined();
    expect(publishRejectionScope(protocolError('REQUEST_TIMED_OUT', true))).toBeUndefined();
    expect(
      publishRejectionScope(
        new KafkaJSNumberOfRetriesExceeded(protocolError('LEADER_NOT_AVAILABLE', true), {
          retryCount: 5,
          retryTime: 1,
        }),
      ),
    ).toBeUndefined();
    expect(publishRejectionScope(new Error('Connection terminated unexpectedly'))).toBeUndefined();
    expect(publishRejectionScope(undefined)).toBeUndefined();
  });

  it('survives a cyclic cause chain', () => {
    const a = new Error('a') as Error & { cause?: unknown };
    const b = new Error('b', { cause: a });
    a.cause = b;
    expect(publishRejectionScope(a)).toBeUndefined();
  });
});

describe('attributableRejections', () => {
  const record: Rejection<string> = { row: 'r1', scope: 'record', error: new Error('too large') };
  const topic: Rejection<string> = { row: 'r2', scope: 'topic', error: new Error('unknown topic') };

  it('counts every rejection when something else in the pass was accepted', () => {
    expect(attributableRejections([record, topic], 3)).toEqual({ counted: [record, topic], infrastructure: [] });
  });

  it('counts only record-level rejections when nothing was accepted: a topic error for everything may be the deployment (ACLs, topics not yet created)', () => {
    expect(attributableRejections([record, topic], 0)).toEqual({ counted: [record], infrastructure: [topic] });
    expect(attributableRejections([topic], 0)).toEqual({ counted: [], infrastructure: [topic] });
  });
});

describe('groupByKey', () => {
  it('keeps claim order within a key and orders keys by their first row', () => {
    const rows = [
      { id: '1', partitionKey: 'b' },
      { id: '2', partitionKey: 'a' },
      { id: '3', partitionKey: 'b' },
      { id: '4', partitionKey: 'c' },
      { id: '5', partitionKey: 'a' },
    ];
    expect(groupByKey(rows).map((g) => g.map((r) => r.id))).toEqual([['1', '3'], ['2', '5'], ['4']]);
  });
});
