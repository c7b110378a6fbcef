import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Text,
  TextField,
} from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { useToast } from "../../components/toast.tsx";
import {
  fromForm,
  toForm,
  type LocationRow,
  type Settings,
  type SettingsForm as Form,
} from "./settings-contract.ts";

type FieldErrors = Partial<Record<keyof Form, string[]>>;

function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <FormLayout>{children}</FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

export function SettingsForm({
  settings,
  locations,
  onSaved,
}: {
  settings: Settings;
  locations: LocationRow[];
  onSaved: (s: Settings) => void;
}) {
  const api = useApiClient();
  const toast = useToast();
  const [form, setForm] = useState<Form>(() => toForm(settings));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const set =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm((f) => ({ ...f, [key]: value }));
  const err = (key: keyof Form) => errors[key]?.join(", ");
  const text = (
    key: keyof Form,
    label: string,
    opts: { type?: "number" | "email" | "text"; help?: string; suffix?: string } = {},
  ) => (
    <TextField
      label={label}
      type={opts.type ?? "number"}
      value={form[key] as string}
      onChange={set(key) as (v: string) => void}
      autoComplete="off"
      helpText={opts.help}
      suffix={opts.suffix}
      error={err(key)}
    />
  );

  const save = async () => {
    setSaving(true);
    setErrors({});
    try {
      const result = await api.request<{ settings: Settings }>("/settings", {
        method: "PUT",
        body: fromForm(form),
      });
      setForm(toForm(result.settings));
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
      <Section
        title="Inventory"
        description="Which locations' stock counts toward availability and backorders."
      >
        {locations.length === 0 ? (
          <Text as="p" tone="subdued">
            No locations synced yet: every location counts.
          </Text>
        ) : (
          <ChoiceList
            allowMultiple
            title="Counted locations (none selected means all)"
            choices={locations.map((l) => ({
              label: `${l.name}${l.active ? "" : " (inactive)"}`,
              value: l.id,
            }))}
            selected={form.countedLocationIds}
            onChange={set("countedLocationIds")}
            error={err("countedLocationIds")}
          />
        )}
        {text("defaultLeadTimeDays", "Default lead time", {
          suffix: "days",
          help: "ETA for variants without a date; leave empty for none",
        })}
        {text("orderTag", "Order tag", { type: "text", help: "Added to orders with backordered lines" })}
      </Section>
      <Section title="Restock alerts" description="When and how fast back-in-stock emails go out.">
        <FormLayout.Group>
          {text("restockThreshold", "Restock threshold", {
            suffix: "units",
            help: "Alerts start when stock rises above this",
          })}
          {text("waveMultiplier", "Wave multiplier", {
            help: "Wave size = available × this; 0 sends to everyone at once",
          })}
        </FormLayout.Group>
        <FormLayout.Group>
          {text("waveWindowMinutes", "Wave window", { suffix: "minutes" })}
          {text("attributionWindowDays", "Attribution window", { suffix: "days" })}
        </FormLayout.Group>
        <Checkbox
          label="Double opt-in (confirm the email address before subscribing)"
          checked={form.doubleOptIn}
          onChange={set("doubleOptIn")}
        />
        <Checkbox
          label="Keep subscribed after an alert"
          checked={form.keepSubscribed}
          onChange={set("keepSubscribed")}
        />
      </Section>
      <Section title="Sending" description="Who emails come from and how fast they are sent.">
        <FormLayout.Group>
          {text("senderName", "Sender name", { type: "text" })}
          {text("replyTo", "Reply-to address", { type: "email" })}
        </FormLayout.Group>
        {text("sendRatePerSecond", "Send rate", { suffix: "emails / second" })}
      </Section>
      <Section title="Customer emails" description="Which emails customers with backordered lines get.">
        <Checkbox
          label="Backorder confirmation"
          checked={form.emailBackorderConfirmation}
          onChange={set("emailBackorderConfirmation")}
        />
        <Checkbox label="ETA changed" checked={form.emailEtaChanged} onChange={set("emailEtaChanged")} />
        <Checkbox
          label="Backorder ready to ship"
          checked={form.emailBackorderReady}
          onChange={set("emailBackorderReady")}
        />
      </Section>
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
