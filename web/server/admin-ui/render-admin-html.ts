import { APP_BRIDGE_ORIGIN } from "./content-security-policy.ts";

const APP_BRIDGE_SCRIPT = `${APP_BRIDGE_ORIGIN}/shopifycloud/app-bridge.js`;
/** The local stand-in of App Bridge's UI (web/frontend/src/app-bridge/stand-in/), served by this app. */
export const APP_BRIDGE_STAND_IN_PATH = "/admin/app-bridge-stand-in.js";

/**
 * Which App Bridge the page gets: Shopify's, from its CDN, inside the Shopify admin; the local
 * stand-in (same global `shopify`, same save bar, toast and resource picker calls) in the playground
 * and tests; none in production outside the admin.
 */
export type AppBridgeSource = "cdn" | "stand-in" | "none";

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The built index.html with what App Bridge needs at the very top of <head>: the API key, then its
 * script, which must load first and synchronously (before the app's bundle reads `window.shopify`).
 */
export function renderAdminHtml(
  template: string,
  opts: { apiKey: string; appBridge: AppBridgeSource },
): string {
  const tags = [`<meta name="shopify-api-key" content="${escapeAttribute(opts.apiKey)}" />`];
  if (opts.appBridge === "cdn") tags.push(`<script src="${APP_BRIDGE_SCRIPT}"></script>`);
  if (opts.appBridge === "stand-in") tags.push(`<script src="${APP_BRIDGE_STAND_IN_PATH}"></script>`);
  return template.replace(/<head>/i, `<head>\n    ${tags.join("\n    ")}`);
}
