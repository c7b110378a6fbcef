/**
 * The catalog key a table gives a value the server sends (a status, a kind), or null for a value the
 * admin does not know yet: the caller then shows the value as the server names it.
 */
export function labelKey<Table extends Record<string, string>>(
  table: Table,
  value: string,
): Table[keyof Table] | null {
  return Object.hasOwn(table, value) ? (table[value as keyof Table] ?? null) : null;
}
