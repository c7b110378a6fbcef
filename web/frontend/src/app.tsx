import { AppProvider, SkeletonPage } from "@shopify/polaris";
import en from "@shopify/polaris/locales/en.json" with { type: "json" };
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from "react";
import type { ApiClient } from "./api/api-client.ts";
import { ApiContext } from "./api/use-api.ts";
import { AppFrame } from "./components/app-frame.tsx";
import { EmptyCard } from "./components/page-states.tsx";
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
  const route = routeFor(usePath());
  if (route === null) {
    return (
      <EmptyCard
        heading="Page not found"
        action={<RouterLink url="/admin">Go to the dashboard</RouterLink>}
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

export function App({ api }: { api: ApiClient }) {
  return (
    <AppProvider i18n={en} linkComponent={RouterLink}>
      <ApiContext.Provider value={api}>
        <RouterProvider>
          <AppFrame>
            <CurrentPage />
          </AppFrame>
        </RouterProvider>
      </ApiContext.Provider>
    </AppProvider>
  );
}
