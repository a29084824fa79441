import { Logger } from '@nestjs/common';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsEmail, IsNumber, IsOptional, IsString, ValidateNested } from 'class-validator';
import { InvalidInputError } from './domain-error';
import { createValidationPipe } from './validation';

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
    const error = (await pipe.transform({ value: 1.234 }, { type: 'body', metatype: Amount }).catch((e: unknown) => e)) as InvalidInputError;
    expect(error.errors?.map((e) => e.field)).toEqual(['value']);
  });

  it('refuses an array where a nested object goes (class-validator lets [[{...}]] through), naming the field', async () => {
    const ok = { items: [{ code: 'a' }], main: { code: 'b' } };
    await expect(pipe.transform(ok, { type: 'body', metatype: Order })).resolves.toBeInstanceOf(Order);
    for (const [body, field] of [
      [{ items: [[{ code: 'a' }]], main: { code: 'b' } }, 'items[0]'],
      [{ items: [{ code: 'a' }], main: [{ code: 'b' }] }, 'main'],
    ] as const) {
      const error = (await pipe.transform(body, { type: 'body', metatype: Order }).catch((e: unknown) => e)) as InvalidInputError;
      expect(error).toBeInstanceOf(InvalidInputError);
      expect(error.errors).toEqual([{ field, messages: [`${field} must be an object, not an array`], codes: ['nestedObject'] }]);
    }
  });

  it('refuses a required nested object that is missing (class-validator skips it); an optional one may be left out', async () => {
    const error = (await pipe.transform({ items: [] }, { type: 'body', metatype: Order }).catch((e: unknown) => e)) as InvalidInputError;
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.errors).toEqual([{ field: 'main', messages: ['main must be an object'], codes: ['nestedObject'] }]);
    await expect(pipe.transform({ items: [] }, { type: 'body', metatype: OptionalMain })).resolves.toBeInstanceOf(OptionalMain);
    // PartialType (update DTOs) makes every field optional, nested ones included.
    await expect(pipe.transform({}, { type: 'body', metatype: OrderUpdate })).resolves.toBeInstanceOf(OrderUpdate);
    const nested = (await pipe.transform({ main: [{ code: 'x' }] }, { type: 'body', metatype: OrderUpdate }).catch((e: unknown) => e)) as InvalidInputError;
    expect(nested.errors?.map((e) => e.field)).toEqual(['main']);
  });
});
