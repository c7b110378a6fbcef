import { BlockStack, Button, InlineStack, Layout } from "@shopify/polaris";
import { useCallback, useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import type { SettingsResponse } from "../../../../contract/api-responses.ts";
import { ControlSections } from "./control-sections.tsx";
import { GeneralSections } from "./general-sections.tsx";
import { OrderSyncSection } from "./order-sync-section.tsx";
import { PrivacySection } from "./privacy-section.tsx";
import {
  fromForm,
  toForm,
  type LocationRow,
  type Sending,
  type Settings,
  type SettingsForm as Form,
} from "./settings-contract.ts";
import type { FieldErrors, Fields } from "./settings-fields.tsx";

export function SettingsForm({
  settings,
  sending: initialSending,
  locations,
  onSaved,
}: {
  settings: Settings;
  sending: Sending;
  locations: LocationRow[];
  onSaved: (s: Settings) => void;
}) {
  const api = useApiClient();
  const toast = useToast();
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  // As saved: the sender warning follows what customers get, not what is being typed.
  const [sending, setSending] = useState(initialSending);
  const set = useCallback(
    <K extends keyof Form>(key: K) =>
      (value: Form[K]) =>
        setForm((f) => ({ ...f, [key]: value })),
    [],
  );
  const fields: Fields = { form, set, error: (key) => errors[key]?.join(", ") };

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const result = await api.request<SettingsResponse>("/settings", {
        method: "PUT",
        body: fromForm(form),
      });
      setForm(toForm(result.settings));
      setSending(result.sending);
      onSaved(result.settings);
      toast("Settings saved");
    } catch (e) {
      const fieldErrors =
        e instanceof ApiError
          ? (e.body?.details as { fieldErrors?: FieldErrors } | undefined)?.fieldErrors
          : undefined;
      if (fieldErrors) setErrors(fieldErrors);
      toast(fieldErrors ? "Some settings need fixing" : errorMessage(e), { error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Layout>
      <GeneralSections fields={fields} locations={locations} sending={sending} />
      <ControlSections fields={fields} />
      <OrderSyncSection fields={fields} />
      <PrivacySection fields={fields} />
      <Layout.Section>
        <BlockStack>
          <InlineStack align="end">
            <Button variant="primary" onClick={save} loading={saving}>
              Save
            </Button>
          </InlineStack>
        </BlockStack>
      </Layout.Section>
    </Layout>
  );
}
