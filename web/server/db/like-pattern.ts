/** `%text%` for ILIKE, with the text's own `\`, `%` and `_` matched literally (PostgreSQL's default escape). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
