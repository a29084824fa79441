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
