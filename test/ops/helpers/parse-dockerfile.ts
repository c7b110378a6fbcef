// A Dockerfile reader for tests (CI has no Docker engine): instructions with their line, grouped by
// build stage. Handles comments, `\` continuations, exec (JSON) and shell forms, and COPY/FROM flags.

export type Instruction = {
  line: number;
  keyword: string;
  /** Everything after the keyword, continuations joined. */
  raw: string;
  /** `--name=value` flags in front of the arguments (COPY --from, HEALTHCHECK --interval...). */
  flags: Record<string, string>;
  /** Exec-form array when the arguments are JSON, else whitespace-split words. */
  args: string[];
  execForm: boolean;
};

export type Stage = { name: string | undefined; base: string; instructions: Instruction[] };

export function parseDockerfile(text: string): Stage[] {
  const stages: Stage[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i]!;
    if (/^\s*(#|$)/.test(first)) continue;
    const line = i + 1;
    let joined = first;
    while (/\\\s*$/.test(joined) && i + 1 < lines.length) {
      i++;
      const next = lines[i]!;
      if (/^\s*#/.test(next)) continue; // comment lines inside a continuation are dropped
      joined = joined.replace(/\\\s*$/, " ") + next.trim();
    }
    const match = /^\s*([A-Za-z]+)\s+([\s\S]*)$/.exec(joined);
    if (!match) throw new Error(`line ${line}: not an instruction: ${first}`);
    const instruction = parseInstruction(line, match[1]!.toUpperCase(), match[2]!.trim());
    if (instruction.keyword === "FROM") {
      const [base, as, name] = instruction.args;
      if (!base) throw new Error(`line ${line}: FROM without an image`);
      stages.push({ base, name: as?.toUpperCase() === "AS" ? name : undefined, instructions: [] });
    }
    const stage = stages.at(-1);
    if (!stage) throw new Error(`line ${line}: ${instruction.keyword} before any FROM`);
    stage.instructions.push(instruction);
  }
  return stages;
}

function parseInstruction(line: number, keyword: string, raw: string): Instruction {
  const flags: Record<string, string> = {};
  let rest = raw;
  for (;;) {
    const flag = /^--([a-z-]+)(?:=(\S+))?\s*/.exec(rest);
    if (!flag) break;
    flags[flag[1]!] = flag[2] ?? "true";
    rest = rest.slice(flag[0].length);
  }
  // HEALTHCHECK's own arguments are an instruction: `CMD [...]` or `CMD shell words`.
  const body = keyword === "HEALTHCHECK" ? rest.replace(/^CMD\s+/i, "") : rest;
  if (body.startsWith("[")) {
    const parsed: unknown = JSON.parse(body);
    if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === "string")) {
      throw new Error(`line ${line}: exec form must be a JSON array of strings`);
    }
    return { line, keyword, raw, flags, args: parsed, execForm: true };
  }
  return { line, keyword, raw, flags, args: body.split(/\s+/).filter(Boolean), execForm: false };
}

/** The instructions of a stage with this keyword. */
export function instructions(stage: Stage, keyword: string): Instruction[] {
  return stage.instructions.filter((i) => i.keyword === keyword);
}
