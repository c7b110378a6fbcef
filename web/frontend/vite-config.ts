import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import type { InlineConfig, Plugin } from "vite";

export const FRONTEND_ROOT = fileURLToPath(new URL("./", import.meta.url));
export const DIST_DIR = fileURLToPath(new URL("./dist/", import.meta.url));

/** One Vite configuration for the build script and `vite dev` alike. Served by the web process at /admin. */
export function adminViteConfig(): InlineConfig {
  return {
    root: FRONTEND_ROOT,
    base: "/admin/",
    configFile: false,
    // Always a production bundle: a NODE_ENV inherited from the caller (vitest sets "test") would
    // otherwise give development React and polaris-viz's test-only fake 500x500 resize entries,
    // which draw charts at negative heights until the real sizes arrive.
    mode: "production",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    logLevel: "warn",
    plugins: [react()],
    build: {
      outDir: DIST_DIR,
      emptyOutDir: true,
      target: "es2022",
      sourcemap: false,
      chunkSizeWarningLimit: 1500,
    },
  };
}

/**
 * The App Bridge stand-in (src/app-bridge/stand-in/) as one classic script, dist/app-bridge-stand-in.js:
 * like Shopify's app-bridge.js it runs before the bundle, so it cannot be a module of it.
 */
export function standInViteConfig(): InlineConfig {
  return {
    root: FRONTEND_ROOT,
    configFile: false,
    mode: "production",
    logLevel: "warn",
    plugins: [catalogBlocksForStandIn()],
    build: {
      outDir: DIST_DIR,
      emptyOutDir: false,
      target: "es2022",
      sourcemap: false,
      lib: {
        entry: fileURLToPath(new URL("./src/app-bridge/stand-in/app-bridge-stand-in.ts", import.meta.url)),
        formats: ["iife"],
        name: "BackorderHubAppBridgeStandIn",
        fileName: () => "app-bridge-stand-in.js",
      },
    },
  };
}

/**
 * The stand-in words its own buttons from the admin catalogs (stand-in-strings.ts) but reads only
 * their `common` and `appBridge` blocks: the rest of each catalog is left out of its script.
 */
function catalogBlocksForStandIn(): Plugin {
  return {
    name: "stand-in-catalog-blocks",
    enforce: "pre",
    transform(code, id) {
      if (!/\/i18n\/locales\/[a-z]{2}\.json$/.test(id)) return null;
      const { common, appBridge } = JSON.parse(code) as Record<string, unknown>;
      return { code: JSON.stringify({ common, appBridge }), map: null };
    },
  };
}
