export type RouteId =
  "dashboard" | "backorders" | "etas" | "subscribers" | "emails" | "settings" | "activity" | "integrations";

/** `label`: the page's name in the catalogs (i18n/locales). */
export const ROUTES = [
  { id: "dashboard", path: "/admin", label: "nav.dashboard" },
  { id: "backorders", path: "/admin/backorders", label: "nav.backorders" },
  { id: "etas", path: "/admin/etas", label: "nav.etas" },
  { id: "subscribers", path: "/admin/subscribers", label: "nav.subscribers" },
  { id: "emails", path: "/admin/emails", label: "nav.emails" },
  { id: "settings", path: "/admin/settings", label: "nav.settings" },
  { id: "activity", path: "/admin/activity", label: "nav.activity" },
  { id: "integrations", path: "/admin/integrations", label: "nav.integrations" },
] as const satisfies readonly { id: RouteId; path: string; label: `nav.${string}` }[];

export function routeFor(path: string): RouteId | null {
  return ROUTES.find((r) => r.path === path)?.id ?? null;
}
