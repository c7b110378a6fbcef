import type { Liquid, Template } from "liquidjs";

export interface UnknownVariable {
  /** As written, e.g. "varient.title". */
  name: string;
  line: number;
  column: number;
}

type Segment = string | number | object;

// Loop variables of `for`/`tablerow`: `{% for line in lines %}` binds `line` to each of `lines`.
const LOOP_TAG = /\{%-?\s*(?:for|tablerow)\s+([A-Za-z_][\w-]*)\s+in\s+([^\s%]+)/g;
const PLAIN_PATH = /^[A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*|\[\d+\])*$/;
// What Liquid itself provides inside loops.
const LOOP_OBJECTS = new Set(["forloop", "tablerowloop"]);
// Liquid's own properties of arrays and strings.
const ARRAY_PROPERTIES = new Set(["size", "first", "last"]);

/**
 * Every variable a template reads that the context does not provide (liquidjs' static analysis,
 * checked against a sample context of the email kind): a misspelt `{{ varient.title }}` renders
 * empty without a word, so the editor names it. Loop variables are checked against the elements
 * of what they loop over; variables the template assigns itself are its own business. Pure.
 */
export function findUnknownVariables(
  liquid: Liquid,
  templates: Template[],
  source: string,
  context: object,
): UnknownVariable[] {
  const analysis = liquid.analyzeSync(templates, { partials: false });
  // A loop over a range or a filtered expression binds a variable whose shape is not checked (null).
  const loops = new Map<string, Segment[] | null>();
  for (const match of source.matchAll(LOOP_TAG)) {
    loops.set(match[1]!, PLAIN_PATH.test(match[2]!) ? parsePath(match[2]!) : null);
  }
  const assigned = new Set(Object.keys(analysis.locals));
  const unknown = new Map<string, UnknownVariable>();
  for (const [root, variables] of Object.entries(analysis.variables)) {
    if (LOOP_OBJECTS.has(root)) continue;
    for (const variable of variables) {
      const segments = variable.segments as Segment[];
      const collection = loops.get(root);
      let known: boolean;
      if (collection) known = resolves(elementOf(walk(context, collection)), segments.slice(1));
      else if (collection === null || assigned.has(root)) known = true;
      else known = resolves(context, segments);
      if (known) continue;
      const { row, col } = variable.location;
      const name = variable.toString();
      unknown.set(`${name}:${row}:${col}`, { name, line: row, column: col });
    }
  }
  return [...unknown.values()].sort((a, b) => a.line - b.line || a.column - b.column);
}

function parsePath(path: string): Segment[] {
  return [...path.matchAll(/([A-Za-z_][\w-]*)|\[(\d+)\]/g)].map((m) => (m[2] ? Number(m[2]) : m[1]!));
}

const MISSING = Symbol("missing");

function walk(value: unknown, segments: readonly Segment[]): unknown {
  let current: unknown = value;
  for (const segment of segments) {
    if (current === MISSING || current === null || current === undefined) return current;
    current = step(current, segment);
  }
  return current;
}

/** True when the path exists, or when it goes through something the sample leaves empty or dynamic. */
function resolves(value: unknown, segments: readonly Segment[]): boolean {
  return walk(value, segments) !== MISSING;
}

function step(value: unknown, segment: Segment): unknown {
  // `{{ lines[line_index] }}`: an index read from another variable cannot be checked statically.
  if (typeof segment === "object") return undefined;
  if (Array.isArray(value)) {
    if (typeof segment === "number") return value[segment] ?? elementOf(value);
    if (segment === "size") return value.length;
    if (segment === "first" || segment === "last") return elementOf(value);
    return MISSING;
  }
  if (typeof value === "string")
    return segment === "size" || ARRAY_PROPERTIES.has(String(segment)) ? "" : MISSING;
  if (typeof value === "object" && value !== null) {
    return Object.hasOwn(value, segment) ? (value as Record<string, unknown>)[String(segment)] : MISSING;
  }
  return MISSING;
}

/** The shape of one element: every key any element has (a key empty in one may be set in another). */
function elementOf(value: unknown): unknown {
  if (value === MISSING) return MISSING;
  if (!Array.isArray(value)) return undefined;
  const merged: Record<string, unknown> = {};
  for (const element of value) {
    if (typeof element !== "object" || element === null) return element;
    for (const [key, v] of Object.entries(element)) if (merged[key] == null) merged[key] = v;
  }
  return merged;
}
