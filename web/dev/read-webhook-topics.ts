import fs from "node:fs";

/**
 * The webhook topics shopify.app.toml subscribes to, so the simulator sends only those, as Shopify
 * would. Reads the `topics = [ ... ]` arrays; compliance topics are always sent by the simulator.
 */
export function readWebhookTopics(tomlPath: string): string[] {
  const toml = fs.readFileSync(tomlPath, "utf8");
  const topics = [...toml.matchAll(/^\s*topics\s*=\s*\[([^\]]*)\]/gm)].flatMap((match) =>
    [...match[1]!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!),
  );
  return [...new Set(topics)];
}
