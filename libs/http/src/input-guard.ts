import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InvalidInputError } from './domain-error';
import type { FieldError } from './problem-details';

/** Deepest nesting of arrays and objects a JSON body may have (no request of this API needs more than a few). */
export const MAX_JSON_DEPTH = 32;

/** C0 control characters other than tab, line feed and carriage return (NUL among them: PostgreSQL refuses it). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

export const CONTROL_CHARACTER_MESSAGE =
  'must not contain control characters (U+0000 to U+001F other than tab, line feed and carriage return)';

/**
 * An unpaired UTF-16 surrogate (`"\ud800"` in JSON): no Unicode character, cannot be encoded as UTF-8
 * (PostgreSQL would store U+FFFD) and makes validators that call encodeURI throw (IsEmail: a 500 found
 * by test/security/openapi-fuzz.int-spec.ts).
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const ILL_FORMED_UNICODE_MESSAGE = 'must be well-formed Unicode (no unpaired surrogate code points)';

/**
 * The nesting depth of a JSON text, read from the raw bytes without parsing: brackets inside strings
 * (escapes included) do not count. Stops as soon as `limit` is passed, so a hostile body costs one
 * pass over at most its bytes and never recursion.
 */
export function jsonDepthExceeds(raw: Buffer | string, limit: number): boolean {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === 0x5c)
        i++; // backslash: skip the escaped character
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x7b || b === 0x5b) {
      if (++depth > limit) return true;
    } else if (b === 0x7d || b === 0x5d) depth--;
  }
  return false;
}

/**
 * body-parser `verify` hook for JSON: runs on the raw body before JSON.parse, so a body nested
 * deeper than `maxDepth` is refused (400 `body-too-deep`, see mapBodyParserErrors) before anything
 * can recurse over it (class-transformer, validation, logging).
 */
export function verifyJsonDepth(
  maxDepth = MAX_JSON_DEPTH,
): (req: IncomingMessage, res: ServerResponse, buf: Buffer) => void {
  return (_req, _res, buf) => {
    if (jsonDepthExceeds(buf, maxDepth)) {
      throw Object.assign(new Error(`The JSON body is nested deeper than ${maxDepth} levels`), {
        status: HttpStatus.BAD_REQUEST,
        type: 'entity.too.deep',
        expose: true,
      });
    }
  };
}

/** How a field is named in `errors[]`: body fields like the validation errors, query and path ones by location. */
function child(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const shown = CONTROL_CHARACTERS.test(key) ? JSON.stringify(key) : key;
  return parent === '' ? shown : `${parent}.${shown}`;
}

/**
 * Every field (and field name) of a parsed body, query or path that holds a control character.
 * Walks iteratively (no recursion); bodies are already bounded in depth and size by the parsers.
 */
export function findControlCharacters(value: unknown, root = ''): FieldError[] {
  return findStrings(value, root, CONTROL_CHARACTERS).map((field) => ({
    field,
    messages: [`${field} ${CONTROL_CHARACTER_MESSAGE}`],
    codes: ['noControlCharacters'],
  }));
}

/** Every field (and field name) of a parsed body, query or path that holds an unpaired surrogate. */
export function findIllFormedUnicode(value: unknown, root = ''): FieldError[] {
  return findStrings(value, root, LONE_SURROGATE).map((field) => ({
    field,
    messages: [`${field} ${ILL_FORMED_UNICODE_MESSAGE}`],
    codes: ['wellFormedUnicode'],
  }));
}

function findStrings(value: unknown, root: string, pattern: RegExp): string[] {
  const offending = new Set<string>();
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (pattern.test(current)) offending.add(path === '' ? 'body' : path);
    } else if (Array.isArray(current)) {
      current.forEach((item, index) => stack.push([item, child(path, index)]));
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, item] of Object.entries(current)) {
        const itemPath = child(path, key);
        if (pattern.test(key)) offending.add(itemPath);
        stack.push([item, itemPath]);
      }
    }
  }
  return [...offending].sort();
}

interface InputCarrier {
  body?: unknown;
  query?: unknown;
  params?: unknown;
}

/**
 * Global guard of every HTTP route (set up once by the service kit): a request whose body (JSON or
 * form), query string or path parameters contain control characters (or unpaired UTF-16 surrogates) is refused with 400
 * `validation-failed`, naming each offending field, before any handler, pipe or database sees it.
 * Body fields are named as the validation errors name them (`description`, `contact.name`), the
 * others `query.<name>` and `path.<name>`.
 */
@Injectable()
export class InputGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<InputCarrier>();
    const errors = [
      ...findControlCharacters(req.params ?? {}, 'path'),
      ...findControlCharacters(req.query ?? {}, 'query'),
      ...findControlCharacters(req.body ?? {}),
    ];
    if (errors.length > 0) throw new InvalidInputError(errors, 'The request contains control characters');
    const illFormed = [
      ...findIllFormedUnicode(req.params ?? {}, 'path'),
      ...findIllFormedUnicode(req.query ?? {}, 'query'),
      ...findIllFormedUnicode(req.body ?? {}),
    ];
    if (illFormed.length > 0)
      throw new InvalidInputError(illFormed, 'The request contains ill-formed Unicode (unpaired surrogates)');
    return true;
  }
}
