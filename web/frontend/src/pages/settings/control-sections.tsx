import { useTranslation } from "react-i18next";
import { FormLayout, Select } from "@shopify/polaris";
import { AlternativesPicker } from "./alternatives-picker.tsx";
import { CheckboxSetting, Section, TextSetting, type Fields } from "./settings-fields.tsx";

/** Merchant controls: backorder caps, priority allocation, thank-you discounts, alternatives, cancel links. */
export function ControlSections({ fields }: { fields: Fields }) {
  const { t } = useTranslation();
  const { form } = fields;
  return (
    <>
      <Section title={t("settings.backorderLimitsAndPriority")} description={t("settings.howManyUnitsMayBe")}>
        <TextSetting
          fields={fields}
          name="defaultBackorderCap"
          label={t("settings.defaultBackorderCap")}
          suffix={t("settings.unitsPerVariant")}
          help={t("settings.whenAVariantReachesIt")}
        />
        <CheckboxSetting
          fields={fields}
          name="priorityEnabled"
          label={t("settings.servePriorityOrdersFirst")}
          help={t("settings.ordersMatchingTheseTagsGet")}
        />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="priorityCustomerTags"
            label={t("settings.priorityCustomerTags")}
            type="text"
            help={t("settings.commaSeparatedEGVip")}
            disabled={!form.priorityEnabled}
          />
          <TextSetting
            fields={fields}
            name="priorityOrderTags"
            label={t("settings.priorityOrderTags")}
            type="text"
            help={t("settings.commaSeparated")}
            disabled={!form.priorityEnabled}
          />
        </FormLayout.Group>
      </Section>
      <Section title={t("settings.thankYouDiscount")} description={t("settings.aSingleUseCodeIn")}>
        <CheckboxSetting fields={fields} name="discountEnabled" label={t("settings.offerADiscountCodeTo")} />
        <FormLayout.Group>
          <Select
            label={t("settings.discountType")}
            options={[
              { label: t("settings.percentageOff"), value: "percentage" },
              { label: t("settings.fixedAmountOff"), value: "amount" },
            ]}
            value={form.discountType}
            onChange={(value) => fields.set("discountType")(value as typeof form.discountType)}
            error={fields.error("discountType")}
            disabled={!form.discountEnabled}
          />
          <TextSetting
            fields={fields}
            name="discountValue"
            label={t("settings.discountValue")}
            suffix={form.discountType === "percentage" ? "%" : undefined}
            help={form.discountType === "percentage" ? t("settings.oneTo100") : t("settings.inShopCurrency")}
            disabled={!form.discountEnabled}
          />
          <TextSetting
            fields={fields}
            name="discountExpiryDays"
            label={t("settings.codeValidFor")}
            suffix={t("settings.days")}
            disabled={!form.discountEnabled}
          />
        </FormLayout.Group>
      </Section>
      <Section
        title={t("settings.alternativesAndCancellation")}
        description={t("settings.whatEmailsOfferCustomersWho")}
      >
        <CheckboxSetting
          fields={fields}
          name="alternativesEnabled"
          label={t("settings.suggestInStockAlternatives")}
          help={t("settings.theSameProductSOther")}
        />
        <AlternativesPicker fields={fields} disabled={!form.alternativesEnabled} />
        <CheckboxSetting
          fields={fields}
          name="cancelLinkEnabled"
          label={t("settings.addAnAskToCancel")}
          help={t("settings.requestsAppearOnTheBackorders")}
        />
      </Section>
    </>
  );
}
