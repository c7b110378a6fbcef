// The app's web configurations as Shopify CLI reads them: every shopify.web.toml (outside
// node_modules), its roles, and its `[commands] dev` split the way `shopify app dev` runs it
// (parts joined by `&&` run one after the other, each split on spaces, no shell).
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

export type WebConfig = {
  file: string;
  directory: string;
  name: string;
  roles: string[];
  dev: { command: string; args: string[] }[];
};

export function findWebConfigs(root: string): WebConfig[] {
  const found: WebConfig[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "shopify.web.toml") found.push(readWebConfig(full));
    }
  };
  walk(root);
  return found;
}

function readWebConfig(file: string): WebConfig {
  const toml = parse(fs.readFileSync(file, "utf8")) as {
    name?: string;
    roles?: string[];
    commands?: { dev?: string };
  };
  const dev = (toml.commands?.dev ?? "")
    .split("&&")
    .map((part) => part.trim().split(" "))
    .filter(([command]) => command)
    .map(([command, ...args]) => ({ command: command!, args }));
  return { file, directory: path.dirname(file), name: toml.name ?? "", roles: toml.roles ?? [], dev };
}

/** The environment `shopify app dev` gives each web process (Shopify CLI 3.x/4.x), plus PORT. */
export function shopifyCliEnv(opts: {
  apiKey: string;
  apiSecret: string;
  tunnelUrl: string;
  scopes: string;
  port: number;
  frontendPort: number;
}): Record<string, string> {
  return {
    SHOPIFY_API_KEY: opts.apiKey,
    SHOPIFY_API_SECRET: opts.apiSecret,
    HOST: opts.tunnelUrl,
    APP_URL: opts.tunnelUrl,
    SCOPES: opts.scopes,
    NODE_ENV: "development",
    APP_ENV: "development",
    BACKEND_PORT: String(opts.port),
    FRONTEND_PORT: String(opts.frontendPort),
    PORT: String(opts.port),
    SERVER_PORT: String(opts.port),
  };
}
