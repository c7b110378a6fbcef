import { Banner, BlockStack, FormLayout, Text, TextField } from "@shopify/polaris";
import { switchExplanation, type ControlForm, type VariantControl } from "./controls-contract.ts";

/** Backorder cap and selling window of one variant, and whether the app switched it to "stop selling". */
export function VariantControlFields({
  control,
  form,
  onChange,
  errors,
}: {
  control: VariantControl;
  form: ControlForm;
  onChange: (form: ControlForm) => void;
  errors: Partial<Record<keyof ControlForm, string>>;
}) {
  const field = (key: keyof ControlForm) => ({
    value: form[key],
    onChange: (value: string) => onChange({ ...form, [key]: value }),
    error: errors[key],
    autoComplete: "off",
  });
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        Backorder limits
      </Text>
      {control.switchedByApp ? (
        <Banner tone="warning" title="The app switched this variant to “stop selling”">
          <p>
            {switchExplanation(control)} It goes back to “continue selling” once the limit allows it again.
          </p>
        </Banner>
      ) : null}
      {control.merchantOverride ? (
        <Banner tone="info" title="You switched it back to “continue selling”">
          <p>The app leaves this variant alone until its limits allow backorders again.</p>
        </Banner>
      ) : null}
      <FormLayout>
        <TextField
          label="Backorder cap"
          type="number"
          suffix="units"
          helpText={
            control.backorderCap === null && control.effectiveCap !== null
              ? `Empty: the product's or shop's cap applies (${control.effectiveCap} units)`
              : "Most units that may be backordered; empty for the product's or shop's cap"
          }
          {...field("backorderCap")}
        />
        <FormLayout.Group>
          <TextField label="Sell on backorder from" type="datetime-local" {...field("windowStartsAt")} />
          <TextField label="Until" type="datetime-local" {...field("windowEndsAt")} />
        </FormLayout.Group>
        <TextField
          label="Only while the ETA is within"
          type="number"
          suffix="days"
          helpText="Empty for no ETA condition"
          {...field("windowEtaDays")}
        />
      </FormLayout>
    </BlockStack>
  );
}
