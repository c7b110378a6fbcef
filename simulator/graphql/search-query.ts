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
 * keys are ignored, as Shopify does (it only warns). Free text matches `text`.
 */
export function matchesSearch<T>(
  item: T,
  terms: SearchTerm[],
  fields: Record<string, (item: T) => FieldValue>,
  text: (item: T) => string,
): boolean {
  return terms.every((term) => {
    let result: boolean;
    if (term.key === null) result = text(item).toLowerCase().includes(term.value.toLowerCase());
    else {
      const getter = fields[term.key];
      if (!getter) return true;
      result = compare(getter(item), term);
    }
    return term.negated ? !result : result;
  });
}

type FieldValue = string | number | boolean | null | string[];

function compare(actual: FieldValue, term: SearchTerm): boolean {
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
