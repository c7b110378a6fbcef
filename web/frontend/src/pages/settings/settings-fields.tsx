import { Card, Checkbox, FormLayout, Layout, TextField } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { SettingsForm } from "./settings-contract.ts";

export type FieldErrors = Partial<Record<keyof SettingsForm, string[]>>;
type TextKey = { [K in keyof SettingsForm]: SettingsForm[K] extends string ? K : never }[keyof SettingsForm];
type BoolKey = { [K in keyof SettingsForm]: SettingsForm[K] extends boolean ? K : never }[keyof SettingsForm];

/** What every settings section needs: the values, a setter per key, and the server's field errors. */
export type Fields = {
  form: SettingsForm;
  set: <K extends keyof SettingsForm>(key: K) => (value: SettingsForm[K]) => void;
  error: (key: keyof SettingsForm) => string | undefined;
};

export function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <FormLayout>{children}</FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

export function TextSetting({
  fields,
  name,
  label,
  type = "number",
  help,
  suffix,
  prefix,
  disabled,
}: {
  fields: Fields;
  name: TextKey;
  label: string;
  type?: "number" | "email" | "text";
  help?: string;
  suffix?: string;
  prefix?: string;
  disabled?: boolean;
}) {
  return (
    <TextField
      label={label}
      type={type}
      value={fields.form[name]}
      onChange={fields.set(name)}
      autoComplete="off"
      helpText={help}
      suffix={suffix}
      prefix={prefix}
      disabled={disabled}
      error={fields.error(name)}
    />
  );
}

export function CheckboxSetting({
  fields,
  name,
  label,
  help,
}: {
  fields: Fields;
  name: BoolKey;
  label: string;
  help?: string;
}) {
  return (
    <Checkbox
      label={label}
      helpText={help}
      checked={fields.form[name]}
      onChange={fields.set(name)}
      error={fields.error(name)}
    />
  );
}
