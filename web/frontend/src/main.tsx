import "@shopify/polaris/build/esm/styles.css";
import "./polaris-tabs-measure.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createApiClient } from "./api/api-client.ts";
import { createTokenProvider } from "./api/session-token.ts";
import { App } from "./app.tsx";
import { loadAdminTranslations } from "./i18n/admin-i18n.ts";
import { pageLocale } from "./i18n/choose-locale.ts";

const locale = pageLocale();
document.documentElement.lang = locale.language;
const api = createApiClient(createTokenProvider(window.location, window.history), locale.language);
const root = document.getElementById("root");
if (!root) throw new Error("#root is missing from index.html");
const mount = root;
void loadAdminTranslations(locale).then((translations) => {
  createRoot(mount).render(
    <StrictMode>
      <App api={api} translations={translations} formatLocale={locale.formatLocale} />
    </StrictMode>,
  );
});
