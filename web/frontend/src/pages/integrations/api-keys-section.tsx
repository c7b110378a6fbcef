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
import { formatDateTime } from "../../format/format.ts";
import { SecretBanner } from "./secret-banner.tsx";

const SCOPES = [
  { label: "Read only", value: "read" },
  { label: "Read and write", value: "read_write" },
];

/** Merchant API keys: create (the key shown once), see when each was last used, revoke. */
export function ApiKeysSection() {
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
        API keys
      </Text>
      <Text as="p" tone="subdued">
        Your own systems call the merchant API (/api/v1) with these keys. A read-only key can list and export;
        a read and write key can also set ETAs and manage subscriptions.
      </Text>
      {secret ? <SecretBanner title="New API key" value={secret} onDismiss={() => setSecret(null)} /> : null}
      <ApiView state={state} what="API keys">
        {({ apiKeys }) => (
          <BlockStack gap="300">
            {apiKeys.length > 0 ? (
              <section aria-label="API keys">
                <Card padding="0">
                  <DataTable
                    columnContentTypes={["text", "text", "text", "text", "text", "text"]}
                    headings={["Name", "Key", "Access", "Created", "Last used", ""]}
                    rows={apiKeys.map((k) => [
                      k.name,
                      <code key="prefix">{k.prefix}…</code>,
                      k.scope === "read" ? "Read only" : "Read and write",
                      formatDateTime(k.createdAt),
                      k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never",
                      k.revokedAt ? (
                        <Badge
                          key="revoked"
                          tone="critical"
                        >{`Revoked ${formatDateTime(k.revokedAt)}`}</Badge>
                      ) : (
                        <Button key="revoke" tone="critical" onClick={() => void revoke(k.id)}>
                          Revoke
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
                  Create a key
                </Text>
                <InlineStack gap="300" blockAlign="end">
                  <TextField
                    label="Key name"
                    value={name}
                    onChange={setName}
                    autoComplete="off"
                    placeholder="ERP sync"
                    error={error ?? undefined}
                  />
                  <Select label="Access" options={SCOPES} value={scope} onChange={setScope} />
                  <Button variant="primary" onClick={create} loading={saving} disabled={!name.trim()}>
                    Create key
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
