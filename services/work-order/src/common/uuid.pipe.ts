import { Injectable, PipeTransform } from '@nestjs/common';
import { InvalidInputError } from '@legal/http';
import { isUUID } from 'class-validator';

/** A UUID `:id` path parameter; anything else is a 400 naming the parameter. */
@Injectable()
export class UuidPipe implements PipeTransform<unknown, string> {
  transform(value: unknown): string {
    if (typeof value !== 'string' || !isUUID(value)) throw new InvalidInputError([{ field: 'id', messages: ['id must be a UUID'], codes: ['isUuid'] }]);
    return value.toLowerCase();
  }
}
