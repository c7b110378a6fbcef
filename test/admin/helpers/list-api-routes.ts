import type { Router } from "express";

type Layer = {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: unknown;
  rawPath?: string | string[];
};

/** Every route a router serves (walking mounted sub-routers), e.g. {method: "PUT", path: "/etas/:variantId"}. */
export function listRoutes(router: Router, prefix = ""): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  for (const layer of (router as unknown as { stack: Layer[] }).stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const p of paths) {
        for (const method of Object.keys(layer.route.methods)) {
          if (method !== "_all") routes.push({ method: method.toUpperCase(), path: `${prefix}${p}` });
        }
      }
    } else if (
      typeof layer.handle === "function" &&
      Array.isArray((layer.handle as { stack?: unknown }).stack)
    ) {
      const mount = typeof layer.rawPath === "string" && layer.rawPath !== "/" ? layer.rawPath : "";
      routes.push(...listRoutes(layer.handle as Router, `${prefix}${mount}`));
    }
  }
  return routes;
}
