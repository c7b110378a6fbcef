import type { DevUrls } from "./start-dev.ts";

/** The lines `npm run dev` prints once everything is up; `Backorder Hub is ready` marks them. */
export function formatBanner(urls: DevUrls, readyMs: number): string {
  const rows: Array<[string, string | undefined]> = [
    ["Storefront", urls.storefront],
    ["Shop console", urls.console],
    ["Embedded admin", urls.admin],
    ["Mail catcher", urls.mail],
    ["App", urls.app],
  ];
  const lines = rows
    .filter((r): r is [string, string] => Boolean(r[1]))
    .map(([k, v]) => `  ${k.padEnd(15)} ${v}`);
  return `\nBackorder Hub is ready in ${(readyMs / 1000).toFixed(1)} s\n${lines.join("\n")}\n  Ctrl-C stops everything (data is kept in DATA_DIR; \`npm run dev -- --reset\` starts fresh)\n\n`;
}
