import type { z } from "zod";
import type { AdminLanguage } from "./admin-language.ts";
import { FIELD_ERROR_WORDING } from "./field-error-wording.ts";

type Issue = z.core.$ZodIssue;

// zod's own wording starts so; a message we wrote in a schema ("must be a single line") does not.
const ZOD_WORDING = /^(Invalid|Too small|Too big|Unrecognized)/;

function ours(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/**
 * Pure: what a refused value means to the merchant reading the field, in one short sentence
 * ("Enter 0 or more", "Use at most 40 characters"), instead of zod's "Too small: expected number
 * to be >=0". A message a schema sets itself is kept (capitalised). docs/api-errors.md.
 * In `language` (field-error-wording.ts): the admin asks for its own with Accept-Language.
 */
export function fieldErrorSentence(issue: Issue, language: AdminLanguage = "en"): string {
  const w = FIELD_ERROR_WORDING[language];
  switch (issue.code) {
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "number" || issue.origin === "bigint")
        return issue.inclusive ? w.atLeast(min) : w.above(min);
      if (issue.origin === "string") return Number(min) <= 1 ? w.enterValue : w.minChars(min);
      if (issue.origin === "array" || issue.origin === "set") return w.minItems(min);
      if (issue.origin === "date") return w.laterDate;
      return w.larger;
    }
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "number" || issue.origin === "bigint")
        return issue.inclusive ? w.atMost(max) : w.below(max);
      if (issue.origin === "string") return w.maxChars(max);
      if (issue.origin === "array" || issue.origin === "set") return w.maxItems(max);
      if (issue.origin === "date") return w.earlierDate;
      return w.smaller;
    }
    case "invalid_type":
      return w.types[issue.expected] ?? w.valid;
    case "invalid_format":
      if (!ZOD_WORDING.test(issue.message)) return ours(issue.message);
      return w.formats[issue.format] ?? w.valid;
    case "invalid_value":
      return issue.values.length <= 5 ? w.oneOf(issue.values.map(String).join(", ")) : w.oneOfOptions;
    case "not_multiple_of":
      return w.multipleOf(issue.divisor);
    case "unrecognized_keys":
      return w.unknownFields(issue.keys);
    case "invalid_union": {
      // The first alternative is the one the field is for (e.g. an email, else empty).
      const first = issue.errors[0]?.[0];
      return first ? fieldErrorSentence(first, language) : w.valid;
    }
    default:
      return ZOD_WORDING.test(issue.message) ? w.valid : ours(issue.message);
  }
}
