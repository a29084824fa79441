/** One invalid field in a request, as listed in a problem's `errors[]`. */
export interface FieldError {
  /** JSON-pointer-like path of the field, e.g. `applicant.idCardNumber` or `items[2].name`. */
  field: string;
  /** Human-readable reasons, one per failed rule. */
  messages: string[];
  /** Stable machine codes of the failed rules (class-validator constraint names). */
  codes: string[];
}

/** RFC 9457 problem details, the body of every error answer. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  correlationId?: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const PROBLEM_TYPE_BASE = 'https://legal.shandong.example/problems/';

/**
 * The OpenAPI schema of a problem (components.schemas.ProblemDetails in every service's document). The
 * service kit's document builder gives every 4xx/5xx response that documents no body this schema under
 * application/problem+json, which is what ProblemDetailsFilter sends. `code` is one of the error registry's
 * codes (libs/http/src/error-codes.ts, docs/error-codes.md).
 */
export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details: the body of every error answer',
  required: ['type', 'title', 'status', 'detail', 'instance', 'code'],
  properties: {
    type: { type: 'string', format: 'uri', example: `${PROBLEM_TYPE_BASE}not-found` },
    title: { type: 'string', description: 'The HTTP reason phrase', example: 'Not Found' },
    status: { type: 'integer', minimum: 400, maximum: 599, example: 404 },
    detail: { type: 'string', example: 'Work order SD-2026-000123 was not found' },
    instance: { type: 'string', description: 'The request path', example: '/work-orders/SD-2026-000123' },
    code: { type: 'string', description: 'Stable machine code (see docs/error-codes.md)', example: 'not-found' },
    correlationId: { type: 'string', description: 'Finds the log lines of the request', example: 'b3c1f0d2e4' },
    errors: {
      type: 'array',
      description: 'Invalid fields (code validation-failed)',
      items: {
        type: 'object',
        required: ['field', 'messages', 'codes'],
        properties: {
          field: { type: 'string', example: 'applicant.idCardNumber' },
          messages: { type: 'array', items: { type: 'string' }, example: ['idCardNumber has a wrong check character'] },
          codes: { type: 'array', items: { type: 'string' }, example: ['isIdCardNumber'] },
        },
      },
    },
  },
  additionalProperties: true,
} as const;
