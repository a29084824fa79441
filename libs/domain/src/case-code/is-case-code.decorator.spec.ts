import { validateSync } from 'class-validator';
import { IsCaseCode } from './is-case-code.decorator';

class TrackRequest {
  @IsCaseCode()
  caseCode!: unknown;
}

class TrackManyRequest {
  @IsCaseCode({ each: true })
  caseCodes!: unknown[];
}

function errorsFor(value: unknown): string[] {
  const dto = Object.assign(new TrackRequest(), { caseCode: value });
  return validateSync(dto).flatMap((e) => Object.values(e.constraints ?? {}));
}

describe('@IsCaseCode()', () => {
  it('accepts a canonical or loosely typed case code', () => {
    expect(errorsFor('370102-20261128-000120-F')).toEqual([]);
    expect(errorsFor('370102 20261128 000120 f')).toEqual([]);
  });

  it('rejects a mistyped code with a message that says why', () => {
    const [message] = errorsFor('370102-20261128-000121-F');
    expect(message).toContain('caseCode must be a case code');
    expect(message).toContain('check character does not match');
  });

  it('rejects values that are not strings', () => {
    expect(errorsFor(370102)).toHaveLength(1);
    expect(errorsFor(undefined)).toHaveLength(1);
  });

  it('validates each element of an array when asked to', () => {
    const dto = Object.assign(new TrackManyRequest(), {
      caseCodes: ['370102-20261128-000120-F', 'nonsense'],
    });
    expect(validateSync(dto)).toHaveLength(1);
  });
});
