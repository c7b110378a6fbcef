// .dockerignore semantics, enough for tests: patterns relative to the context root, `*` within a path
// segment, `**` across segments, `!` re-includes, the last matching pattern wins, and a path is out
// when it or any of its parent directories is out.

export function isIgnored(ignoreFile: string, relativePath: string): boolean {
  const rules = ignoreFile
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"))
    .map((l) => ({
      negate: l.startsWith("!"),
      regex: toRegex(l.replace(/^!/, "").replace(/^\/+|\/+$/g, "")),
    }));
  const segments = relativePath.split("/");
  for (let n = 1; n <= segments.length; n++) {
    const candidate = segments.slice(0, n).join("/");
    let ignored = false;
    for (const rule of rules) if (rule.regex.test(candidate)) ignored = !rule.negate;
    if (ignored) return true;
  }
  return false;
}

function toRegex(pattern: string): RegExp {
  let out = "";
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === "*" && pattern[i + 1] === "*") {
      out += pattern[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += pattern[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
