import { AppProvider, SkeletonPage } from "@shopify/polaris";
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import { I18nextProvider, useTranslation } from "react-i18next";
import type { ApiClient } from "./api/api-client.ts";
import { ApiContext } from "./api/use-api.ts";
import { AppFrame } from "./components/app-frame.tsx";
import { EmptyCard } from "./components/page-states.tsx";
import { ShopFormatsProvider } from "./format/use-formats.tsx";
import type { AdminTranslations } from "./i18n/admin-i18n.ts";
import { DashboardPage } from "./pages/dashboard/dashboard-page.tsx";
import { RouterLink, RouterProvider, usePath } from "./router/router.tsx";
import { routeFor, type RouteId } from "./router/routes.ts";

// The dashboard is the landing page and ships in the main chunk (fast first paint); the rest load on demand.
const PAGES: Record<Exclude<RouteId, "dashboard">, LazyExoticComponent<ComponentType>> = {
  backorders: lazy(() => import("./pages/backorders/backorders-page.tsx")),
  etas: lazy(() => import("./pages/etas/etas-page.tsx")),
  subscribers: lazy(() => import("./pages/subscribers/subscribers-page.tsx")),
  emails: lazy(() => import("./pages/emails/emails-page.tsx")),
  settings: lazy(() => import("./pages/settings/settings-page.tsx")),
  activity: lazy(() => import("./pages/activity/activity-page.tsx")),
  integrations: lazy(() => import("./pages/integrations/integrations-page.tsx")),
};

function CurrentPage() {
  const { t } = useTranslation();
  const route = routeFor(usePath());
  if (route === null) {
    return (
      <EmptyCard
        heading={t("app.notFound")}
        action={<RouterLink url="/admin">{t("app.goToDashboard")}</RouterLink>}
      />
    );
  }
  if (route === "dashboard") return <DashboardPage />;
  const Page = PAGES[route];
  return (
    <Suspense fallback={<SkeletonPage primaryAction />}>
      <Page />
    </Suspense>
  );
}

/** `translations`: the admin's and Polaris' strings in the merchant's language (docs/admin-i18n.md). */
export function App({
  api,
  translations,
  formatLocale,
}: {
  api: ApiClient;
  translations: AdminTranslations;
  formatLocale: string;
}) {
  return (
    <I18nextProvider i18n={translations.i18n}>
      <AppProvider i18n={translations.polaris} linkComponent={RouterLink}>
        <ApiContext.Provider value={api}>
          <ShopFormatsProvider locale={formatLocale}>
            <RouterProvider>
              <AppFrame>
                <CurrentPage />
              </AppFrame>
            </RouterProvider>
          </ShopFormatsProvider>
        </ApiContext.Provider>
      </AppProvider>
    </I18nextProvider>
  );
}
