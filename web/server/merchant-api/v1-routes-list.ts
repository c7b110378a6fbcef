import { v1BackorderRoutes } from "./v1-backorder-routes.ts";
import { v1EtaRoutes } from "./v1-eta-routes.ts";
import { v1ReportRoutes } from "./v1-report-routes.ts";
import type { V1Route } from "./v1-route.ts";
import { v1SubscriptionRoutes } from "./v1-subscription-routes.ts";

/** Every /api/v1 operation: the router mounts these and the OpenAPI document describes these. */
export const V1_ROUTES: readonly V1Route[] = [
  ...v1BackorderRoutes,
  ...v1EtaRoutes,
  ...v1SubscriptionRoutes,
  ...v1ReportRoutes,
];
