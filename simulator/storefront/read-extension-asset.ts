import { readFile } from "node:fs/promises";
import { extname, join } from "node:path";
import { DEFAULT_EXTENSION_ROOT } from "./render-app-block.ts";

export interface ExtensionAsset {
  body: Buffer;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".wasm": "application/wasm",
};

/**
 * A file from the extension's `assets/` by bare name, as Shopify's CDN serves `asset_url`s.
 * Returns null for anything else (unknown name, other folders, a type Shopify would not ship),
 * so the route answers 404.
 */
export async function readExtensionAsset(
  name: string,
  extensionRoot = DEFAULT_EXTENSION_ROOT,
): Promise<ExtensionAsset | null> {
  const contentType = CONTENT_TYPES[extname(name).toLowerCase()];
  if (!contentType || !/^[\w.-]+$/.test(name) || name.startsWith(".")) return null;
  try {
    return { body: await readFile(join(extensionRoot, "assets", name)), contentType };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
