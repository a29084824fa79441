import { Injectable, PipeTransform } from '@nestjs/common';
import { parseCaseCode } from '@legal/domain';
import { InvalidInputError } from '@legal/http';

/**
 * Validates a case code taken from the path (`:code`) and returns its canonical form; a wrong check
 * character, a bad date or shape is a 400 naming the field, before anything is looked up.
 */
@Injectable()
export class CaseCodePipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    const parsed = parseCaseCode(value);
    if (!parsed.ok)
      throw new InvalidInputError(
        [
          {
            field: 'code',
            messages: [`code must be a case code (一案一码). ${parsed.message}`],
            codes: [`caseCode:${parsed.reason}`],
          },
        ],
        'The case code is not valid',
      );
    return parsed.value.code;
  }
}
