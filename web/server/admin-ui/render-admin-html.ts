import { APP_BRIDGE_ORIGIN } from "./content-security-policy.ts";

const APP_BRIDGE_SCRIPT = `${APP_BRIDGE_ORIGIN}/shopifycloud/app-bridge.js`;

function escapeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The built index.html with what App Bridge needs at the very top of <head>: the API key, and its
 * script (which must load first, synchronously) only when the page is inside the Shopify admin.
 * Outside it (playground, tests) the CDN is not reachable and the script would only delay the page.
 */
export function renderAdminHtml(template: string, opts: { apiKey: string; embedded: boolean }): string {
  const tags = [`<meta name="shopify-api-key" content="${escapeAttribute(opts.apiKey)}" />`];
  if (opts.embedded) tags.push(`<script src="${APP_BRIDGE_SCRIPT}"></script>`);
  return template.replace(/<head>/i, `<head>\n    ${tags.join("\n    ")}`);
}
