import { z } from "zod";
import { AppError } from "./errors.ts";
import { fieldErrorSentence } from "./field-error-sentences.ts";
import type { AdminLanguage } from "./admin-language.ts";

/**
 * The one place request input is validated and its failure given a status (docs/api-errors.md):
 * 400 when the request is malformed (a path or query value the endpoint cannot read; a body that
 * is not the expected shape: a field missing or of the wrong type), 422 when the body is well-formed
 * but a value is refused by a rule (range, format, choice, an unknown field, a cross-field check).
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw bodyError(parsed.error, body);
  return parsed.data;
}

/** A path parameter or the query string: whatever fails, the request is malformed (400). */
export function parseUrl<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw inputError("bad_request", parsed.error);
  return parsed.data;
}

/** For a route that must act on a refused body before answering (e.g. count it), then throw this. */
export function bodyError(error: z.ZodError, body: unknown): AppError {
  return inputError(isMalformed(error.issues, body ?? {}) ? "bad_request" : "unprocessable", error);
}

type Issue = z.core.$ZodIssue;

/**
 * Pure: a body is malformed when a field the schema requires is missing, or a value has the wrong
 * JavaScript type (zod's invalid_type; an integer check also reports invalid_type, with a `format`:
 * a number that is not whole is a rule, not a type), also inside a union whose every alternative
 * failed that way. Everything else zod reports (too_small, too_big, invalid_format, invalid_value,
 * unrecognized_keys) is a rule, and so is every check of our own (custom), wherever it points.
 */
export function isMalformed(issues: readonly Issue[], input: unknown): boolean {
  return issues.some((issue) => {
    // Our own checks (refine) are rules, even when they point at an absent field ("set together").
    if (issue.code === "custom") return false;
    const value = valueAt(input, issue.path);
    if (value === undefined) return true;
    if (issue.code === "invalid_type") return !("format" in issue);
    if (issue.code === "invalid_union") return issue.errors.every((branch) => isMalformed(branch, value));
    return false;
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

// Each field's errors as sentences the merchant reads beside the field (field-error-sentences.ts).
// English in `details`; the error middleware words them in the request's language (Accept-Language).
function inputError(code: "bad_request" | "unprocessable", error: z.ZodError): AppError {
  const wordedIn = (language: AdminLanguage) => {
    const flat = z.flattenError(error, (issue) => fieldErrorSentence(issue, language));
    return { fieldErrors: flat.fieldErrors, formErrors: flat.formErrors };
  };
  return new AppError(code, "Invalid request", wordedIn("en"), wordedIn);
}
