/** Merchant-facing wording uses single braces, e.g. "Ships by {date}". */
export function hasPlaceholder(template: string, name: string): boolean {
  return template.includes(`{${name}}`);
}

export function fillTemplate(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (token, name: string) => {
    const value = values[name];
    return value === undefined ? token : String(value);
  });
}
