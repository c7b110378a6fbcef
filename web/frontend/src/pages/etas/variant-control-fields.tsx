import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  const field = (key: keyof ControlForm) => ({
    value: form[key],
    onChange: (value: string) => onChange({ ...form, [key]: value }),
    error: errors[key],
    autoComplete: "off",
  });
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        {t("etas.backorderLimits")}
      </Text>
      {control.switchedByApp ? (
        <Banner tone="warning" title={t("etas.theAppSwitchedThisVariant")}>
          <p>
            {switchExplanation(control, t)} {t("etas.switchBack")}
          </p>
        </Banner>
      ) : null}
      {control.merchantOverride ? (
        <Banner tone="info" title={t("etas.youSwitchedItBackTo")}>
          <p>{t("etas.overrideBody")}</p>
        </Banner>
      ) : null}
      <FormLayout>
        <TextField
          label={t("etas.backorderCap")}
          type="number"
          suffix={t("etas.units")}
          helpText={
            control.backorderCap === null && control.effectiveCap !== null
              ? t("etas.capInherited", { cap: control.effectiveCap })
              : t("etas.capHelp")
          }
          {...field("backorderCap")}
        />
        <FormLayout.Group>
          <TextField
            label={t("etas.sellOnBackorderFrom")}
            type="datetime-local"
            {...field("windowStartsAt")}
          />
          <TextField label={t("etas.until")} type="datetime-local" {...field("windowEndsAt")} />
        </FormLayout.Group>
        <TextField
          label={t("etas.onlyWhileTheEtaIs")}
          type="number"
          suffix={t("etas.days")}
          helpText={t("etas.emptyForNoEtaCondition")}
          {...field("windowEtaDays")}
        />
      </FormLayout>
    </BlockStack>
  );
}
