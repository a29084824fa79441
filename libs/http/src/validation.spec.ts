import { Logger } from '@nestjs/common';
import { IsEmail, IsNumber } from 'class-validator';
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
});
