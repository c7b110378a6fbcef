import { useTranslation } from "react-i18next";
import { NavMenu } from "@shopify/app-bridge-react";
import { Frame, Navigation, TopBar } from "@shopify/polaris";
import {
  ChartVerticalIcon,
  ClockIcon,
  ConnectIcon,
  EmailIcon,
  HomeIcon,
  ListBulletedIcon,
  PersonIcon,
  SettingsIcon,
} from "@shopify/polaris-icons";
import { useState, type ReactNode } from "react";
import { appBridge } from "../api/session-token.ts";
import { RouterLink, usePath } from "../router/router.tsx";
import { ROUTES, type RouteId } from "../router/routes.ts";
import { ToastProvider } from "./toast.tsx";

const ICONS: Record<RouteId, typeof HomeIcon> = {
  dashboard: HomeIcon,
  backorders: ListBulletedIcon,
  etas: ClockIcon,
  subscribers: PersonIcon,
  emails: EmailIcon,
  settings: SettingsIcon,
  activity: ChartVerticalIcon,
  integrations: ConnectIcon,
};

/**
 * Inside the Shopify admin the navigation belongs to the admin (App Bridge's nav menu); on its own
 * (playground, tests) the app draws the same navigation with Polaris.
 */
export function AppFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const path = usePath();
  const [mobileNav, setMobileNav] = useState(false);
  if (appBridge()) {
    return (
      <Frame>
        <NavMenu>
          {ROUTES.map((route) => (
            <RouterLink key={route.id} url={route.path} rel={route.id === "dashboard" ? "home" : undefined}>
              {t(route.label)}
            </RouterLink>
          ))}
        </NavMenu>
        <ToastProvider>{children}</ToastProvider>
      </Frame>
    );
  }
  const navigation = (
    <Navigation location={path}>
      <Navigation.Section
        title="Backorder Hub"
        items={ROUTES.map((route) => ({
          url: route.path,
          label: t(route.label),
          icon: ICONS[route.id],
          selected: route.path === path,
          exactMatch: true,
          onClick: () => setMobileNav(false),
        }))}
      />
    </Navigation>
  );
  return (
    // On a phone the navigation folds behind the top bar's menu button.
    <Frame
      navigation={navigation}
      topBar={<TopBar showNavigationToggle onNavigationToggle={() => setMobileNav((open) => !open)} />}
      showMobileNavigation={mobileNav}
      onNavigationDismiss={() => setMobileNav(false)}
    >
      <ToastProvider>{children}</ToastProvider>
    </Frame>
  );
}
