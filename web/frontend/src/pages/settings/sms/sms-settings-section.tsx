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
  const state = useApi<Loaded>("/sms-settings");
  return (
    <Section
      title="SMS alerts"
      description="Text shoppers when an item is back, through your Twilio account. Shoppers opt in with a separate consent box; replies STOP/HELP are handled for you."
    >
      <ApiView state={state} what="SMS settings" skeleton={<CardSkeleton lines={8} />}>
        {(loaded) => <SmsForm key={JSON.stringify(loaded.settings)} loaded={loaded} />}
      </ApiView>
    </Section>
  );
}

function SmsForm({ loaded }: { loaded: Loaded }) {
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
      toast("SMS settings saved");
    } catch (e) {
      const fieldErrors = fieldErrorsOf(e);
      if (fieldErrors) setErrors(fieldErrors);
      toast(fieldErrors ? "Some SMS settings need fixing" : errorMessage(e), { error: true });
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Checkbox label="Send back-in-stock alerts by SMS" checked={form.enabled} onChange={set("enabled")} />
      <Select
        label="The notify-me form asks for"
        options={[
          { label: "Email", value: "email" },
          { label: "Phone (SMS)", value: "phone" },
          { label: "Email or phone", value: "both" },
        ]}
        value={form.signupChannels}
        onChange={set("signupChannels")}
        helpText="Choose the same in the theme editor's Notify me block (its “Ask shoppers for” setting)."
      />
      <TextField
        label="SMS consent text"
        value={form.consentText}
        onChange={set("consentText")}
        multiline={2}
        autoComplete="off"
        error={err("consentText")}
        helpText="Recorded with each phone signup that did not send the block's own wording."
      />
      <TextField
        label="Twilio Account SID"
        value={form.accountSid}
        onChange={set("accountSid")}
        autoComplete="off"
        error={err("accountSid")}
      />
      <TextField
        label="Twilio auth token"
        type="password"
        value={form.authToken}
        onChange={set("authToken")}
        autoComplete="off"
        error={err("authToken")}
        helpText={s.authTokenSet ? "Stored encrypted. Type a new one to replace it." : "Not set."}
      />
      <TextField
        label="From number (E.164)"
        value={form.fromNumber}
        onChange={set("fromNumber")}
        autoComplete="off"
        error={err("fromNumber")}
      />
      <TextField
        label="Messaging Service SID (instead of a From number)"
        value={form.messagingServiceSid}
        onChange={set("messagingServiceSid")}
        autoComplete="off"
        error={err("messagingServiceSid")}
      />
      <TextField
        label="API base URL"
        value={form.baseUrl}
        onChange={set("baseUrl")}
        autoComplete="off"
        placeholder="https://api.twilio.com"
        error={err("baseUrl")}
        helpText="Leave empty for Twilio. The playground points it at the simulator."
      />
      <InlineStack gap="300">
        <TextField
          label="Quiet hours from"
          value={form.quietStart}
          onChange={set("quietStart")}
          autoComplete="off"
          placeholder="21:00"
          error={err("quietStartMinute")}
        />
        <TextField
          label="until"
          value={form.quietEnd}
          onChange={set("quietEnd")}
          autoComplete="off"
          placeholder="08:00"
          error={err("quietEndMinute")}
          helpText="Shop time zone; texts wait until then."
        />
      </InlineStack>
      <Text as="p" tone="subdued">
        Set your Twilio number's “A message comes in” webhook to {loaded.inboundUrl}
      </Text>
      <InlineStack align="end">
        <Button onClick={save} loading={saving}>
          Save SMS settings
        </Button>
      </InlineStack>
    </>
  );
}
