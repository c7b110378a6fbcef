// liquidjs' `escape` filter, which the HTML engine applies to every output (create-liquid-engines.ts):
// a value put into a template's HTML without Liquid must be escaped the same way.
const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&#34;",
  "'": "&#39;",
};

const NEEDS_ESCAPE = /[&<>"']/;

/** `value` as `{{ value }}` prints it in an HTML template. */
export function escapeHtmlLikeLiquid(value: string): string {
  // Most values (an address, a link) hold none: no replace callback, no new string.
  if (!NEEDS_ESCAPE.test(value)) return value;
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
