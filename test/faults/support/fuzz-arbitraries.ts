import fc from "fast-check";

/** Strings aimed at every parser between the request and the database, the templates and SMTP. */
export const NASTY = [
  "' OR 1=1 --",
  '\'; DROP TABLE "Subscription"; --',
  '" OR ""="',
  "1; SELECT pg_sleep(5)",
  "{{ shop.name }}{% for i in (1..1000000) %}x{% endfor %}",
  "{% include '/etc/passwd' %}",
  "{{ 'a' | append: 'b' | upcase }}{{",
  "{% raw %}",
  "<script>alert(1)</script>",
  "a@b.com\r\nBcc: victim@evil.test",
  "x\r\nX-Injected: 1",
  "victim@evil.test\nSubject: injected",
  "%0d%0aX-Injected:%201",
  "\u0000\u0001\u0007\u001b[31m",
  "\u202e\u200b\ufeff",
  "😀".repeat(50),
  "../../../../etc/passwd",
  "9223372036854775808",
  "-1",
  "1e309",
  "NaN",
  "__proto__",
  "constructor",
  "a".repeat(5000),
] as const;

export const nasty = fc.constantFrom(...NASTY);
export const anyText = fc.oneof(
  nasty,
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
);
/** A JSON value whose leaves are often hostile. */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyText },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, 1.5, -0, 2 ** 64) },
  { weight: 1, arbitrary: fc.array(anyText, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** An object with the given field names (each maybe missing), plus maybe junk fields. */
export function hostileObject(fields: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .tuple(
      fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] }),
      fc.dictionary(anyText, anyValue, { maxKeys: 3 }),
    )
    .map(([known, junk]) => ({ ...junk, ...known }));
}

/** How a body goes on the wire: JSON, cut short, a huge one, or not JSON at all. */
export const bodyShape = fc.constantFrom("json", "json", "json", "truncated", "garbage", "empty", "huge");
export const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "",
);

export function encodeBody(shape: string, value: unknown, hugeBytes: number): string {
  const json = JSON.stringify(value) ?? "null";
  switch (shape) {
    case "truncated":
      return json.slice(0, Math.max(1, Math.floor(json.length / 2)));
    case "garbage":
      return `\u0000${json}}}{{`;
    case "empty":
      return "";
    case "huge":
      return JSON.stringify({ padding: "x".repeat(hugeBytes), value });
    default:
      return json;
  }
}
