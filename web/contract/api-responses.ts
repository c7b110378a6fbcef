// The /api response bodies, each named once. A shape is the type of the server code that builds
// it; the routes check what they send against these (`satisfies`) and the admin imports them from
// here. Type-only: the admin bundle takes nothing from the server. See docs/admin-contract.md.
import type { ActivityItem } from "../server/activity/list-activity.ts";
import type { AlertMetrics } from "../server/activity/load-alert-metrics.ts";
import type { BackorderHistoryEntry, BackorderListItem } from "../server/backorders/list-backorders.ts";
import type { BackorderMetricsResponse } from "../server/backorders/load-backorder-metrics.ts";
import type { BulkActionResult } from "../server/backorders/bulk-backorder-actions.ts";
import type { CancelRequestView } from "../server/controls/list-control-records.ts";
import type { VariantControlView } from "../server/controls/variant-controls.ts";
import type { TemplateDetailView } from "../server/emails/template-view.ts";
import type { TemplateSource } from "../server/emails/render/template-kinds.ts";
import type {
  TemplateValidationError,
  TemplateValidationWarning,
} from "../server/emails/render/validate-template.ts";
import type { ImportReport } from "../server/etas/import-eta-csv.ts";
import type { EtaImportView } from "../server/etas/eta-import-view.ts";
import type { EtaPage } from "../server/etas/list-etas.ts";
import type { EtaView } from "../server/etas/eta-view.ts";
import type { ShopProductView } from "../server/products/find-shop-products.ts";
import type { ReconciliationView } from "../server/reconcile/order-reconciliation-runs.ts";
import type { SendingView } from "../server/settings/describe-sending.ts";
import type { SettingsView } from "../server/settings/shop-settings-repository.ts";
import type { SetupGuideView } from "../server/setup/load-setup-guide.ts";
import type { DemandView } from "../server/subscriptions/list-demand.ts";
import type { SubscriberView } from "../server/subscriptions/list-variant-subscribers.ts";
import type { listEndpoints } from "../server/integrations/outgoing/webhook-endpoints.ts";
import type { listDeliveries } from "../server/integrations/outgoing/webhook-deliveries.ts";
import type { IntegrationEventType } from "../server/integrations/events/integration-event-types.ts";
import type { ApiKeyView } from "../server/merchant-api/api-keys.ts";
import type {
  BackorderViewQuery,
  EtaViewQuery,
  SavedViewList,
} from "../server/saved-views/saved-view-query.ts";
import type { SavedViewOf } from "../server/saved-views/saved-views.ts";

/** What JSON.stringify makes of a value: Date and Prisma's Decimal become their toJSON() strings. */
export type Jsonified<T> = T extends { toJSON(): infer R }
  ? R
  : T extends readonly (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

export type { ActivityItem, BackorderHistoryEntry, BackorderListItem, CancelRequestView, DemandView };
export type { EtaView, ImportReport, ReconciliationView, SubscriberView, TemplateSource };
export type { SetupGuideView };

/** GET /api/shop */
export type ShopResponse = {
  shop: {
    domain: string;
    name: string | null;
    installedAt: string;
    syncStatus: string;
    syncedAt: string | null;
    shopifyPlus: boolean | null;
    planName: string | null;
    currency: string | null;
    primaryLocale: string;
    timezone: string | null;
  };
};

/** GET /api/backorders */
export type BackorderPageResponse = {
  items: BackorderListItem[];
  total: number;
  page: number;
  pageSize: number;
};
/** GET /api/backorders/metrics */
export type { BackorderMetricsResponse };

/** POST /api/backorders/bulk/resend-email and /bulk/request-cancellation. */
export type BulkBackorderActionResponse = BulkActionResult;

/** GET /api/activity */
export type ActivityPageResponse = { items: ActivityItem[]; nextCursor: string | null };
/** GET /api/activity/alerts */
export type AlertMetricsResponse = AlertMetrics;

/** GET /api/subscriptions/demand */
export type DemandResponse = { variants: DemandView[]; nextCursor: string | null };
/** GET /api/subscriptions/variants/:id/subscribers */
export type SubscriberPageResponse = {
  variantId: string;
  subscribers: SubscriberView[];
  nextCursor: string | null;
};
/** POST /api/subscriptions/variants/:id/send-now (202) */
export type SendNowResponse = { restockEventId: string; waiting: number };

/** GET /api/etas */
export type EtaPageResponse = EtaPage;
/** GET/PUT /api/etas/:variantId */
export type EtaResponse = { variant: EtaView };
/** POST /api/etas/bulk */
export type EtaBulkResponse = { updated: number; moved: string[] };
/** POST /api/etas/import (200, or 422 with this report as `details`) */
export type ImportReportResponse = ImportReport;
/** POST /api/etas/imports (202 started, 200 the same request key again) and GET /api/etas/imports/:id */
export type EtaImportResponse = EtaImportView;

/** GET/PUT /api/controls/variants/:id */
export type VariantControlResponse = { control: VariantControlView };
/** GET /api/controls/cancel-requests */
export type CancelRequestsResponse = { requests: CancelRequestView[] };

/** GET/PUT /api/settings */
export type SettingsResponse = { settings: Jsonified<SettingsView>; sending: SendingView };
export type { SettingsView, SendingView, VariantControlView };
/** GET /api/products?ids=…|query=… (the dev-only /dev/products answers the same for the App Bridge stand-in) */
export type ProductsResponse = { products: ShopProductView[] };
export type { ShopProductView };
/** GET /api/locations */
export type LocationsResponse = {
  locations: { id: string; name: string; active: boolean; counted: boolean }[];
};

/** GET /api/reconciliation; POST /api/reconciliation/sync answers `started` too. */
export type ReconciliationResponse = { reconciliation: ReconciliationView };
export type ReconciliationSyncResponse = ReconciliationResponse & { started: boolean };

/** GET /api/data-exports */
export type DataExportsResponse = {
  exports: { id: string; kind: string; subject: string; createdAt: string }[];
};

/** GET /api/emails/templates */
export type TemplateListResponse = {
  kinds: string[];
  locales: string[];
  templates: { kind: string; locale: string; customized: boolean; updatedAt: string | null }[];
};
/** GET/PUT/DELETE /api/emails/templates/:kind/:locale (PUT adds `warnings`). */
export type TemplateDetailResponse = TemplateDetailView & { warnings?: TemplateValidationWarning[] };
/** POST /api/emails/preview */
export type PreviewResponse = { preview: TemplateSource; warnings: TemplateValidationWarning[] };
/** A 422 from the template routes: `details.errors` and `details.warnings`. */
export type LiquidError = TemplateValidationError;
export type LiquidWarning = TemplateValidationWarning;

/** GET /api/setup-guide; PUT answers the same. */
export type SetupGuideResponse = { guide: SetupGuideView };

/** GET /api/integrations/webhooks */
export type WebhookEndpointsResponse = {
  endpoints: Jsonified<Awaited<ReturnType<typeof listEndpoints>>>;
};

/** GET /api/integrations/webhooks/:id/deliveries */
export type WebhookDeliveriesResponse = Jsonified<Awaited<ReturnType<typeof listDeliveries>>>;

export type { IntegrationEventType };

/** GET /api/integrations/api-keys (never the secrets) */
export type ApiKeysResponse = { apiKeys: ApiKeyView[] };
/** POST /api/integrations/api-keys: the secret, this once */
export type ApiKeyCreatedResponse = { apiKey: ApiKeyView; secret: string };
/** POST /api/integrations/api-keys/:id/revoke */
export type ApiKeyResponse = { apiKey: ApiKeyView };

export type { BackorderViewQuery, EtaViewQuery, SavedViewList, SavedViewOf };
/** GET /api/saved-views/:list: the shop's saved views of the list, in tab order, and how many it may keep */
export type SavedViewsResponse<L extends SavedViewList = SavedViewList> = {
  views: SavedViewOf<L>[];
  limit: number;
};
/** POST /api/saved-views/:list (201) and PATCH /api/saved-views/:list/:viewId */
export type SavedViewResponse<L extends SavedViewList = SavedViewList> = { view: SavedViewOf<L> };
