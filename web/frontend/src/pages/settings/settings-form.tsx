import { useTranslation } from "react-i18next";
import { Layout } from "@shopify/polaris";
import { useCallback, useRef, useState } from "react";
import { fieldErrorsOf, useFocusFirstError } from "../../api/field-errors.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { PageSaveBar } from "../../app-bridge/page-save-bar.tsx";
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

/**
 * The shop's settings as one form. An edit shows the save bar (Save, Discard), which also stops the
 * merchant from leaving with the edit unsaved; a refused save puts each field's error beside it
 * and moves focus to the first.
 */
export function SettingsForm({
  settings,
  sending: initialSending,
  locations,
}: {
  settings: Settings;
  sending: Sending;
  locations: LocationRow[];
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const toast = useToast();
  const [saved, setSaved] = useState<Form>(() => toForm(settings));
  const [form, setForm] = useState<Form>(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  // As saved: the sender warning follows what customers get, not what is being typed.
  const [sending, setSending] = useState(initialSending);
  const set = useCallback(
    <K extends keyof Form>(key: K) =>
      (value: Form[K]) =>
        setForm((f) => ({ ...f, [key]: value })),
    [],
  );
  const fields: Fields = { form, set, error: (key) => errors[key]?.join(" ") };
  const dirty = JSON.stringify(form) !== JSON.stringify(saved);
  useFocusFirstError(container, errors);

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const result = await api.request<SettingsResponse>("/settings", {
        method: "PUT",
        body: fromForm(form),
      });
      const next = toForm(result.settings);
      setSaved(next);
      setForm(next);
      setSending(result.sending);
      toast(t("settings.saved"));
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (fieldErrors) setErrors(fieldErrors);
      toast(fieldErrors ? t("settings.needFixing") : errorMessage(e), { error: true });
    } finally {
      setSaving(false);
    }
  };

  const discard = () => {
    setForm(saved);
    setErrors({});
  };

  return (
    <div ref={container}>
      <PageSaveBar id="settings-save-bar" dirty={dirty} saving={saving} onSave={save} onDiscard={discard} />
      <Layout>
        <GeneralSections fields={fields} locations={locations} sending={sending} />
        <ControlSections fields={fields} />
        <OrderSyncSection fields={fields} />
        <PrivacySection fields={fields} />
      </Layout>
    </div>
  );
}
