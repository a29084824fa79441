import { duplicateErrors, receivedAtErrors, unknownCodeErrors } from './submission-checks';

describe('receivedAtErrors', () => {
  const now = new Date('2026-03-05T02:00:00Z');
  const earliest = new Date('2026-03-01T02:00:00Z');

  it('accepts an instant between the earliest allowed and now', () => {
    expect(receivedAtErrors('receivedAt', new Date('2026-03-03T02:00:00Z'), earliest, now)).toEqual([]);
  });

  it('names the field when the instant is in the future or too early', () => {
    expect(receivedAtErrors('receivedAt', new Date('2026-03-06T02:00:00Z'), earliest, now)).toEqual([
      expect.objectContaining({ field: 'receivedAt', codes: ['notInFuture'] }),
    ]);
    expect(receivedAtErrors('receivedAt', new Date('2026-02-28T02:00:00Z'), earliest, now)).toEqual([
      expect.objectContaining({ field: 'receivedAt', codes: ['notBefore'] }),
    ]);
  });
});

describe('duplicateErrors', () => {
  it('names every repeated code by its position, proofs and commitments separately', () => {
    const errors = duplicateErrors(
      [{ code: 'a' }, { code: 'b' }, { code: 'a' }],
      [
        { code: 'a', signatory: 'x' },
        { code: 'a', signatory: 'y' },
      ],
    );
    expect(errors.map((e) => e.field)).toEqual(['materials[2].code', 'commitments[1].code']);
  });
});

describe('unknownCodeErrors', () => {
  it('turns positions into field errors naming the code', () => {
    expect(unknownCodeErrors('materials', [1], ['a', 'passport'], 'on the checklist')).toEqual([
      { field: 'materials[1].code', messages: ['passport is not on the checklist'], codes: ['unknownItem'] },
    ]);
  });
});
