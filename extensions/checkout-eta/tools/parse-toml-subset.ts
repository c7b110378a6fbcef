// Just enough TOML for shopify.extension.toml (no TOML parser is installed): tables,
// arrays of tables, and string / boolean / integer values. Anything else throws, so a
// construct this parser does not know can never be silently misread.

export type TomlValue = string | number | boolean | TomlTable | TomlTable[];
export interface TomlTable {
  [key: string]: TomlValue;
}

function parseValue(raw: string, lineNo: number): string | number | boolean {
  if (raw === "true" || raw === "false") return raw === "true";
  if (/^-?\d+$/.test(raw)) return Number(raw);
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(raw);
  if (quoted?.[1] !== undefined) return JSON.parse(`"${quoted[1]}"`) as string;
  throw new Error(`line ${lineNo}: unsupported value ${raw}`);
}

function child(table: TomlTable, key: string, lineNo: number): TomlTable {
  const existing = table[key];
  if (existing === undefined) return (table[key] = {});
  if (Array.isArray(existing)) {
    const last = existing.at(-1);
    if (last === undefined) throw new Error(`line ${lineNo}: empty array ${key}`);
    return last;
  }
  if (typeof existing === "object") return existing;
  throw new Error(`line ${lineNo}: ${key} is not a table`);
}

export function parseTomlSubset(text: string): TomlTable {
  const root: TomlTable = {};
  let current = root;
  text.split("\n").forEach((line, index) => {
    const lineNo = index + 1;
    const trimmed = line.trim();
    if (trimmed === "" || trimmed.startsWith("#")) return;
    const header = /^(\[\[?)([\w.-]+)(\]\]?)$/.exec(trimmed);
    if (header) {
      const [, open, path, close] = header as unknown as [string, string, string, string];
      const keys = path.split(".");
      const last = keys.pop() as string;
      const parent = keys.reduce((table, key) => child(table, key, lineNo), root);
      if (open === "[[" && close === "]]") {
        const list = parent[last] ?? [];
        if (!Array.isArray(list)) throw new Error(`line ${lineNo}: ${path} is not an array of tables`);
        current = {};
        list.push(current);
        parent[last] = list;
      } else if (open === "[" && close === "]") {
        if (parent[last] !== undefined) throw new Error(`line ${lineNo}: table ${path} defined twice`);
        current = parent[last] = {};
      } else {
        throw new Error(`line ${lineNo}: bad header ${trimmed}`);
      }
      return;
    }
    const pair = /^([\w-]+)\s*=\s*(.+?)\s*(#.*)?$/.exec(trimmed);
    if (!pair?.[1] || pair[2] === undefined) throw new Error(`line ${lineNo}: cannot parse ${trimmed}`);
    if (pair[1] in current) throw new Error(`line ${lineNo}: duplicate key ${pair[1]}`);
    current[pair[1]] = parseValue(pair[2], lineNo);
  });
  return root;
}
