export type RouteId =
  "dashboard" | "backorders" | "etas" | "subscribers" | "emails" | "settings" | "activity" | "integrations";

export const ROUTES: readonly { id: RouteId; path: string; label: string }[] = [
  { id: "dashboard", path: "/admin", label: "Dashboard" },
  { id: "backorders", path: "/admin/backorders", label: "Backorders" },
  { id: "etas", path: "/admin/etas", label: "ETAs" },
  { id: "subscribers", path: "/admin/subscribers", label: "Subscribers" },
  { id: "emails", path: "/admin/emails", label: "Emails" },
  { id: "settings", path: "/admin/settings", label: "Settings" },
  { id: "activity", path: "/admin/activity", label: "Activity log" },
  { id: "integrations", path: "/admin/integrations", label: "Integrations" },
];

export function routeFor(path: string): RouteId | null {
  return ROUTES.find((r) => r.path === path)?.id ?? null;
}
