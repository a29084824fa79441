import { Logger } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { InvalidInputError } from './domain-error';
import { createValidationPipe, suggestField } from './validation';

class Amount {
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  value!: number;
}

class Contact {
  @IsEmail()
  email!: string;
}

class Item {
  @IsString()
  code!: string;
}

class Order {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];

  @ValidateNested()
  @Type(() => Item)
  main!: Item;
}

class OptionalMain {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];

  @IsOptional()
  @ValidateNested()
  @Type(() => Item)
  main?: Item;
}

class OrderUpdate extends PartialType(Order) {}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe();

  it('refuses with 400 (not a 500) input on which a validator throws: IsNumber(maxDecimalPlaces) on 5e-324, IsEmail on an unpaired surrogate', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    for (const [metatype, value] of [
      [Amount, { value: 5e-324 }],
      [Contact, { email: 'a@b.cn\ud800' }],
    ] as const) {
      const error = await pipe.transform(value, { type: 'body', metatype }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidInputError);
      expect((error as InvalidInputError).status).toBe(400);
    }
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('still passes valid input and names invalid fields', async () => {
    await expect(pipe.transform({ value: 12.5 }, { type: 'body', metatype: Amount })).resolves.toEqual({ value: 12.5 });
    const error = (await pipe
      .transform({ value: 1.234 }, { type: 'body', metatype: Amount })
      .catch((e: unknown) => e)) as InvalidInputError;
    expect(error.errors?.map((e) => e.field)).toEqual(['value']);
  });

  it('refuses an array where a nested object goes (class-validator lets [[{...}]] through), naming the field', async () => {
    const ok = { items: [{ code: 'a' }], main: { code: 'b' } };
    await expect(pipe.transform(ok, { type: 'body', metatype: Order })).resolves.toBeInstanceOf(Order);
    for (const [body, field] of [
      [{ items: [[{ code: 'a' }]], main: { code: 'b' } }, 'items[0]'],
      [{ items: [{ code: 'a' }], main: [{ code: 'b' }] }, 'main'],
    ] as const) {
      const error = (await pipe
        .transform(body, { type: 'body', metatype: Order })
        .catch((e: unknown) => e)) as InvalidInputError;
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.errors).toEqual([
        { field, messages: [`${field} must be an object, not an array`], codes: ['nestedObject'] },
      ]);
    }
  });

  it('refuses a required nested object that is missing (class-validator skips it); an optional one may be left out', async () => {
    const error = (await pipe
      .transform({ items: [] }, { type: 'body', metatype: Order })
      .catch((e: unknown) => e)) as InvalidInputError;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.errors).toEqual([{ field: 'main', messages: ['main must be an object'], codes: ['nestedObject'] }]);
    await expect(pipe.transform({ items: [] }, { type: 'body', metatype: OptionalMain })).resolves.toBeInstanceOf(
      OptionalMain,
    );
    // PartialType (update DTOs) makes every field optional, nested ones included.
    await expect(pipe.transform({}, { type: 'body', metatype: OrderUpdate })).resolves.toBeInstanceOf(OrderUpdate);
    const nested = (await pipe
      .transform({ main: [{ code: 'x' }] }, { type: 'body', metatype: OrderUpdate })
      .catch((e: unknown) => e)) as InvalidInputError;
    expect(nested.errors?.map((e) => e.field)).toEqual(['main']);
  });
});

describe('unknown field hint (the near-miss of a real field is named)', () => {
  class Track {
    @IsString()
    caseCode!: string;

    @IsString()
    phoneLast4!: string;
  }

  class Wrapper {
    @ValidateNested()
    @Type(() => Track)
    track!: Track;
  }

  const refuse = async (metatype: new () => object, body: object): Promise<InvalidInputError> => {
    const error = await createValidationPipe()
      .transform(body, { type: 'body', metatype })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(InvalidInputError);
    return error as InvalidInputError;
  };
  const messages = (e: InvalidInputError): string[] =>
    (e.errors ?? []).flatMap((f) => f.messages).filter((m) => m.startsWith('property '));

  it.each([
    ['phoneLastFour', 'phoneLast4'],
    ['phone_last_4', 'phoneLast4'],
    ['PhoneLast4', 'phoneLast4'],
    ['case_code', 'caseCode'],
    ['caseCod', 'caseCode'],
  ])('%s is refused with "did you mean %s?"', async (guess, right) => {
    const e = await refuse(Track, { caseCode: 'A', phoneLast4: '1234', [guess]: 'x' });
    expect(messages(e)).toEqual([`property ${guess} should not exist; did you mean ${right}?`]);
  });

  it('a field like none of the DTO is refused without a hint', async () => {
    const e = await refuse(Track, { caseCode: 'A', phoneLast4: '1234', colour: 'red' });
    expect(messages(e)).toEqual(['property colour should not exist']);
  });

  it('a near-miss inside a nested object is hinted with the nested DTO fields', async () => {
    const e = await refuse(Wrapper, { track: { caseCode: 'A', phoneLast4: '1', phoneLastFour: '1' } });
    expect(messages(e)).toEqual(['property phoneLastFour should not exist; did you mean phoneLast4?']);
  });
});

describe('suggestField', () => {
  it('prefers the normalised-name match and returns nothing when far', () => {
    expect(suggestField('phoneLastFour', ['phone', 'phoneLast4'])).toBe('phoneLast4');
    expect(suggestField('xyz', ['phone', 'phoneLast4'])).toBeUndefined();
  });
});
