import type { z } from "zod";

type Issue = z.core.$ZodIssue;

// zod's own wording starts so; a message we wrote in a schema ("must be a single line") does not.
const ZOD_WORDING = /^(Invalid|Too small|Too big|Unrecognized)/;

const TYPE_SENTENCES: Record<string, string> = {
  number: "Enter a number",
  int: "Enter a whole number",
  boolean: "Choose yes or no",
  string: "Enter text",
  array: "Enter a list",
  date: "Enter a date",
};

const FORMAT_SENTENCES: Record<string, string> = {
  email: "Enter a valid email address",
  url: "Enter a full web address, starting with https://",
  datetime: "Enter a date and time",
  date: "Enter a date (YYYY-MM-DD)",
};

function ours(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function plural(n: number | bigint, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

/**
 * Pure: what a refused value means to the merchant reading the field, in one short sentence
 * ("Enter 0 or more", "Use at most 40 characters"), instead of zod's "Too small: expected number
 * to be >=0". A message a schema sets itself is kept (capitalised). docs/api-errors.md.
 */
export function fieldErrorSentence(issue: Issue): string {
  switch (issue.code) {
    case "too_small": {
      const min = issue.minimum;
      if (issue.origin === "number" || issue.origin === "bigint")
        return issue.inclusive ? `Enter ${min} or more` : `Enter a number above ${min}`;
      if (issue.origin === "string")
        return Number(min) <= 1 ? "Enter a value" : `Use at least ${plural(min, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at least ${plural(min, "item", "items")}`;
      if (issue.origin === "date") return "Enter a later date";
      return "Enter a larger value";
    }
    case "too_big": {
      const max = issue.maximum;
      if (issue.origin === "number" || issue.origin === "bigint")
        return issue.inclusive ? `Enter ${max} or less` : `Enter a number below ${max}`;
      if (issue.origin === "string") return `Use at most ${plural(max, "character", "characters")}`;
      if (issue.origin === "array" || issue.origin === "set")
        return `Choose at most ${plural(max, "item", "items")}`;
      if (issue.origin === "date") return "Enter an earlier date";
      return "Enter a smaller value";
    }
    case "invalid_type":
      return TYPE_SENTENCES[issue.expected] ?? "Enter a valid value";
    case "invalid_format":
      if (!ZOD_WORDING.test(issue.message)) return ours(issue.message);
      return FORMAT_SENTENCES[issue.format] ?? "Enter a valid value";
    case "invalid_value":
      return issue.values.length <= 5
        ? `Choose one of: ${issue.values.map(String).join(", ")}`
        : "Choose one of the options";
    case "not_multiple_of":
      return `Enter a multiple of ${issue.divisor}`;
    case "unrecognized_keys":
      return `Unknown ${issue.keys.length === 1 ? "field" : "fields"}: ${issue.keys.join(", ")}`;
    case "invalid_union": {
      // The first alternative is the one the field is for (e.g. an email, else empty).
      const first = issue.errors[0]?.[0];
      return first ? fieldErrorSentence(first) : "Enter a valid value";
    }
    default:
      return ZOD_WORDING.test(issue.message) ? "Enter a valid value" : ours(issue.message);
  }
}
