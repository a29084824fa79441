import { Injectable, Optional, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '@legal/http';
import { isUUID } from 'class-validator';

/** A UUID path parameter (`:id` unless named otherwise); anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  constructor(@Optional() private readonly field: string = 'id') {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value))
      throw new InvalidInputError([
        { field: this.field, messages: [`${this.field} must be a UUID`], codes: ['isUuid'] },
      ]);
    return value.toLowerCase();
  }
}
