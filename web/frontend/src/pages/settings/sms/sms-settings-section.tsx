import { useTranslation } from "react-i18next";
import { Button, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";
import { fieldErrorsOf } from "../../../api/field-errors.ts";
import { errorMessage, useApi, useApiClient } from "../../../api/use-api.ts";
import { useToast } from "../../../components/toast.tsx";
import { ApiView, CardSkeleton } from "../../../components/page-states.tsx";
import { Section } from "../settings-fields.tsx";
import { formatMinute, parseMinute, type SmsSettings } from "./sms-contract.ts";

type Loaded = { settings: SmsSettings; inboundUrl: string };

/** Settings → SMS: the Twilio account, what the notify-me form asks for, consent and quiet hours. */
export function SmsSettingsSection() {
  const { t } = useTranslation();
  const state = useApi<Loaded>("/sms-settings");
  return (
    <Section title={t("sms.smsAlerts")} description={t("sms.textShoppersWhenAnItem")}>
      <ApiView state={state} what={t("sms.smsSettings")} skeleton={<CardSkeleton lines={8} />}>
        {(loaded) => <SmsForm key={JSON.stringify(loaded.settings)} loaded={loaded} />}
      </ApiView>
    </Section>
  );
}

function SmsForm({ loaded }: { loaded: Loaded }) {
  const { t } = useTranslation();
  const api = useApiClient();
  const toast = useToast();
  const s = loaded.settings;
  const [form, setForm] = useState({
    enabled: s.enabled,
    signupChannels: s.signupChannels,
    consentText: s.consentText,
    accountSid: s.accountSid ?? "",
    authToken: "",
    fromNumber: s.fromNumber ?? "",
    messagingServiceSid: s.messagingServiceSid ?? "",
    baseUrl: s.baseUrl ?? "",
    quietStart: formatMinute(s.quietStartMinute),
    quietEnd: formatMinute(s.quietEndMinute),
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [saving, setSaving] = useState(false);
  const set = (key: keyof typeof form) => (value: string | boolean) =>
    setForm((f) => ({ ...f, [key]: value }));
  const err = (key: string) => errors[key]?.join(", ");

  const save = async () => {
    setSaving(true);
    setErrors({});
    const orNull = (v: string) => (v.trim() === "" ? null : v.trim());
    try {
      await api.request("/sms-settings", {
        method: "PUT",
        body: {
          enabled: form.enabled,
          signupChannels: form.signupChannels,
          consentText: form.consentText,
          accountSid: orNull(form.accountSid),
          ...(form.authToken.trim() ? { authToken: form.authToken.trim() } : {}),
          fromNumber: orNull(form.fromNumber),
          messagingServiceSid: orNull(form.messagingServiceSid),
          baseUrl: orNull(form.baseUrl),
          quietStartMinute: parseMinute(form.quietStart),
          quietEndMinute: parseMinute(form.quietEnd),
        },
      });
      setForm((f) => ({ ...f, authToken: "" }));
      toast(t("sms.saved"));
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (fieldErrors) setErrors(fieldErrors);
      toast(fieldErrors ? t("sms.needFixing") : errorMessage(e), { error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Checkbox label={t("sms.sendBackInStockAlerts")} checked={form.enabled} onChange={set("enabled")} />
      <Select
        label={t("sms.theNotifyMeFormAsks")}
        options={[
          { label: t("sms.email"), value: "email" },
          { label: t("sms.phoneSms"), value: "phone" },
          { label: t("sms.emailOrPhone"), value: "both" },
        ]}
        value={form.signupChannels}
        onChange={set("signupChannels")}
        helpText={t("sms.chooseTheSameInThe")}
      />
      <TextField
        label={t("sms.smsConsentText")}
        value={form.consentText}
        onChange={set("consentText")}
        multiline={2}
        autoComplete="off"
        error={err("consentText")}
        helpText={t("sms.recordedWithEachPhoneSignup")}
      />
      <TextField
        label={t("sms.twilioAccountSid")}
        value={form.accountSid}
        onChange={set("accountSid")}
        autoComplete="off"
        error={err("accountSid")}
      />
      <TextField
        label={t("sms.twilioAuthToken")}
        type="password"
        value={form.authToken}
        onChange={set("authToken")}
        autoComplete="off"
        error={err("authToken")}
        helpText={s.authTokenSet ? t("sms.tokenStored") : t("sms.tokenNotSet")}
      />
      <TextField
        label={t("sms.fromNumberE164")}
        value={form.fromNumber}
        onChange={set("fromNumber")}
        autoComplete="off"
        error={err("fromNumber")}
      />
      <TextField
        label={t("sms.messagingServiceSidInsteadOf")}
        value={form.messagingServiceSid}
        onChange={set("messagingServiceSid")}
        autoComplete="off"
        error={err("messagingServiceSid")}
      />
      <TextField
        label={t("sms.apiBaseUrl")}
        value={form.baseUrl}
        onChange={set("baseUrl")}
        autoComplete="off"
        placeholder="https://api.twilio.com"
        error={err("baseUrl")}
        helpText={t("sms.leaveEmptyForTwilioThe")}
      />
      <InlineStack gap="300">
        <TextField
          label={t("sms.quietHoursFrom")}
          value={form.quietStart}
          onChange={set("quietStart")}
          autoComplete="off"
          placeholder="21:00"
          error={err("quietStartMinute")}
        />
        <TextField
          label={t("sms.until")}
          value={form.quietEnd}
          onChange={set("quietEnd")}
          autoComplete="off"
          placeholder="08:00"
          error={err("quietEndMinute")}
          helpText={t("sms.shopTimeZoneTextsWait")}
        />
      </InlineStack>
      <Text as="p" tone="subdued">
        {t("sms.inboundWebhook", { url: loaded.inboundUrl })}
      </Text>
      <InlineStack align="end">
        <Button onClick={save} loading={saving}>
          {t("sms.saveSettings")}
        </Button>
      </InlineStack>
    </>
  );
}
