import { useTranslation } from "react-i18next";
import {
  Badge,
  BlockStack,
  Button,
  Card,
  DataTable,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import type { ApiKeyCreatedResponse, ApiKeysResponse } from "../../../../contract/api-responses.ts";
import { errorMessage, useApi, useApiClient } from "../../api/use-api.ts";
import { ApiView } from "../../components/page-states.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import { SecretBanner } from "./secret-banner.tsx";

/** Merchant API keys: create (the key shown once), see when each was last used, revoke. */
export function ApiKeysSection() {
  const { t } = useTranslation();
  const f = useFormats();
  const api = useApiClient();
  const state = useApi<ApiKeysResponse>("/integrations/api-keys");
  const [secret, setSecret] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [scope, setScope] = useState("read");
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const create = async () => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.request<ApiKeyCreatedResponse>("/integrations/api-keys", {
        method: "POST",
        body: { name, scope },
      });
      setName("");
      setSecret(created.secret);
      state.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };
  const revoke = async (id: string) => {
    await api.request(`/integrations/api-keys/${id}/revoke`, { method: "POST" });
    state.reload();
  };
  return (
    <BlockStack gap="400">
      <Text as="h2" variant="headingLg">
        {t("integrations.apiKeys")}
      </Text>
      <Text as="p" tone="subdued">
        {t("integrations.apiKeysBody")}
      </Text>
      {secret ? (
        <SecretBanner title={t("integrations.newApiKey")} value={secret} onDismiss={() => setSecret(null)} />
      ) : null}
      <ApiView state={state} what={t("integrations.apiKeys")}>
        {({ apiKeys }) => (
          <BlockStack gap="300">
            {apiKeys.length > 0 ? (
              <section aria-label={t("integrations.apiKeys")}>
                <Card padding="0">
                  <DataTable
                    columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                    headings={[
                      t("integrations.name"),
                      t("integrations.key"),
                      t("integrations.access"),
                      t("integrations.created"),
                      t("integrations.lastUsed"),
                      "",
                    ]}
                    rows={apiKeys.map((k) => [
                      k.name,
                      <code key="prefix">{k.prefix}…</code>,
                      k.scope === "read" ? t("integrations.readOnly") : t("integrations.readWrite"),
                      f.dateTime(k.createdAt),
                      k.lastUsedAt ? f.dateTime(k.lastUsedAt) : t("integrations.never"),
                      k.revokedAt ? (
                        <Badge key="revoked" tone="critical">
                          {t("integrations.revokedAt", { at: f.dateTime(k.revokedAt) })}
                        </Badge>
                      ) : (
                        <Button key="revoke" tone="critical" onClick={() => void revoke(k.id)}>
                          {t("integrations.revoke")}
                        </Button>
                      ),
                    ])}
                  />
                </Card>
              </section>
            ) : null}
            <Card>
              <BlockStack gap="300">
                <Text as="h3" variant="headingMd">
                  {t("integrations.createAKey")}
                </Text>
                <InlineStack gap="300" blockAlign="end">
                  <TextField
                    label={t("integrations.keyName")}
                    value={name}
                    onChange={setName}
                    autoComplete="off"
                    placeholder="ERP sync"
                    error={error ?? undefined}
                  />
                  <Select
                    label={t("integrations.access")}
                    options={[
                      { label: t("integrations.readOnly"), value: "read" },
                      { label: t("integrations.readWrite"), value: "read_write" },
                    ]}
                    value={scope}
                    onChange={setScope}
                  />
                  <Button variant="primary" onClick={create} loading={saving} disabled={!name.trim()}>
                    {t("integrations.createKey")}
                  </Button>
                </InlineStack>
              </BlockStack>
            </Card>
          </BlockStack>
        )}
      </ApiView>
    </BlockStack>
  );
}
