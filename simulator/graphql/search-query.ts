/** One term of Shopify's search syntax: `key:value`, `key:>value`, or free text. */
export interface SearchTerm {
  key: string | null;
  op: ":" | ">" | ">=" | "<" | "<=";
  value: string;
  negated: boolean;
}

const TERM = /(-)?(?:([a-z_.]+):(>=|<=|>|<)?)?("[^"]*"|'[^']*'|\S+)/gi;

export function parseSearchQuery(query: string | null | undefined): SearchTerm[] {
  if (!query) return [];
  const terms: SearchTerm[] = [];
  for (const match of query.matchAll(TERM)) {
    const raw = match[4]!;
    if (!match[2] && /^(AND|OR)$/.test(raw)) continue;
    terms.push({
      key: match[2]?.toLowerCase() ?? null,
      op: (match[3] as SearchTerm["op"] | undefined) ?? ":",
      value: raw.replace(/^["']|["']$/g, ""),
      negated: Boolean(match[1]),
    });
  }
  return terms;
}

/**
 * Keeps items matching every term (AND). `fields` maps a filter key to the item's value; unknown
 * keys are ignored, as Shopify does (it only warns). Free text matches `text`. A field whose value
 * is a Date is a `time` filter: its term value is a quoted timestamp, a date, a year or `now`.
 */
export function matchesSearch<T>(
  item: T,
  terms: SearchTerm[],
  fields: Record<string, (item: T) => FieldValue>,
  text: (item: T) => string,
  now: Date = new Date(),
): boolean {
  return terms.every((term) => {
    let result: boolean;
    if (term.key === null) result = text(item).toLowerCase().includes(term.value.toLowerCase());
    else {
      const getter = fields[term.key];
      if (!getter) return true;
      const actual = getter(item);
      result = actual instanceof Date ? compareTime(actual, term, now) : compare(actual, term);
    }
    return term.negated ? !result : result;
  });
}

type FieldValue = string | number | boolean | null | string[] | Date;

function compare(actual: Exclude<FieldValue, Date>, term: SearchTerm): boolean {
  if (actual === null) return false;
  if (Array.isArray(actual)) return actual.some((value) => compare(value, term));
  if (term.op === ":") {
    if (term.value.endsWith("*"))
      return String(actual).toLowerCase().startsWith(term.value.slice(0, -1).toLowerCase());
    return String(actual).toLowerCase() === term.value.toLowerCase();
  }
  const left = typeof actual === "number" ? actual : String(actual);
  const right = typeof actual === "number" ? Number(term.value) : term.value;
  if (term.op === ">") return left > right;
  if (term.op === ">=") return left >= right;
  if (term.op === "<") return left < right;
  return left <= right;
}

/**
 * A `time` term names a period: `now` or a full timestamp is one instant, `2024` a year,
 * `2024-05` a month, `2024-05-01` a day (UTC). `>` means after the period, `>=` from its start,
 * `<` before its start, `<=` up to its end, `:` within it. A value that is no time matches nothing.
 */
function compareTime(actual: Date, term: SearchTerm, now: Date): boolean {
  const period = timePeriod(term.value, now);
  if (!period) return false;
  const t = actual.getTime();
  const [start, end] = period;
  if (term.op === ">") return t >= end;
  if (term.op === ">=") return t >= start;
  if (term.op === "<") return t < start;
  if (term.op === "<=") return t < end;
  return t >= start && t < end;
}

function timePeriod(value: string, now: Date): [number, number] | null {
  if (value.toLowerCase() === "now") return [now.getTime(), now.getTime() + 1];
  const partial = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (partial) {
    const [year, month, day] = [Number(partial[1]), partial[2], partial[3]];
    const start = Date.UTC(year, month ? Number(month) - 1 : 0, day ? Number(day) : 1);
    const end = day
      ? Date.UTC(year, Number(month) - 1, Number(day) + 1)
      : month
        ? Date.UTC(year, Number(month), 1)
        : Date.UTC(year + 1, 0, 1);
    return [start, end];
  }
  // A timestamp without a zone is read as UTC.
  const zoned = /([zZ]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const instant = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(zoned) : Number.NaN;
  // Shopify prints and stores whole seconds: an instant covers its second.
  if (Number.isNaN(instant)) return null;
  const second = Math.floor(instant / 1000) * 1000;
  return [second, second + 1000];
}
