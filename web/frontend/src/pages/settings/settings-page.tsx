import { useTranslation } from "react-i18next";
import { Layout, Page } from "@shopify/polaris";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import type { LocationsResponse, SettingsResponse } from "../../../../contract/api-responses.ts";
import { SettingsForm } from "./settings-form.tsx";
import { SmsSettingsSection } from "./sms/sms-settings-section.tsx";
import { SmsTemplatesSection } from "./sms/sms-templates-section.tsx";

export default function SettingsPage() {
  const { t } = useTranslation();
  const settings = useApi<SettingsResponse>("/settings");
  const locations = useApi<LocationsResponse>("/locations");
  return (
    <Page title={t("settings.title")}>
      <ApiView
        state={settings}
        what={t("settings.title")}
        skeleton={<CardSkeleton lines={14} minHeight="640px" />}
      >
        {(s) => (
          <ApiView
            state={locations}
            what={t("settings.locations")}
            skeleton={<CardSkeleton lines={14} minHeight="640px" />}
          >
            {(l) => (
              <SettingsForm
                key={s.settings.updatedAt}
                settings={s.settings}
                sending={s.sending}
                locations={l.locations}
              />
            )}
          </ApiView>
        )}
      </ApiView>
      {/* Their own saves (their own API), beside the main form. */}
      <div style={{ marginTop: "var(--p-space-400)" }}>
        <Layout>
          <SmsSettingsSection />
          <SmsTemplatesSection />
        </Layout>
      </div>
    </Page>
  );
}
