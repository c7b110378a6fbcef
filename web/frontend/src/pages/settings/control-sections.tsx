import { FormLayout, Select } from "@shopify/polaris";
import { AlternativesPicker } from "./alternatives-picker.tsx";
import { CheckboxSetting, Section, TextSetting, type Fields } from "./settings-fields.tsx";

const DISCOUNT_TYPES = [
  { label: "Percentage off", value: "percentage" },
  { label: "Fixed amount off", value: "amount" },
];

/** Merchant controls: backorder caps, priority allocation, thank-you discounts, alternatives, cancel links. */
export function ControlSections({ fields }: { fields: Fields }) {
  const { form } = fields;
  return (
    <>
      <Section
        title="Backorder limits and priority"
        description="How many units may be backordered, and whose orders are served first when stock arrives."
      >
        <TextSetting
          fields={fields}
          name="defaultBackorderCap"
          label="Default backorder cap"
          suffix="units per variant"
          help="When a variant reaches it the app switches the variant to “stop selling”. Products and variants can override it (ETAs page). Leave empty for no cap."
        />
        <CheckboxSetting
          fields={fields}
          name="priorityEnabled"
          label="Serve priority orders first"
          help="Orders matching these tags get arriving stock before older orders."
        />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="priorityCustomerTags"
            label="Priority customer tags"
            type="text"
            help="Comma-separated, e.g. VIP, wholesale"
            disabled={!form.priorityEnabled}
          />
          <TextSetting
            fields={fields}
            name="priorityOrderTags"
            label="Priority order tags"
            type="text"
            help="Comma-separated"
            disabled={!form.priorityEnabled}
          />
        </FormLayout.Group>
      </Section>
      <Section
        title="Thank-you discount"
        description="A single-use code in backorder confirmation and ETA-changed emails, for customers who wait."
      >
        <CheckboxSetting
          fields={fields}
          name="discountEnabled"
          label="Offer a discount code to waiting customers"
        />
        <FormLayout.Group>
          <Select
            label="Discount type"
            options={DISCOUNT_TYPES}
            value={form.discountType}
            onChange={(value) => fields.set("discountType")(value as typeof form.discountType)}
            error={fields.error("discountType")}
            disabled={!form.discountEnabled}
          />
          <TextSetting
            fields={fields}
            name="discountValue"
            label="Discount value"
            suffix={form.discountType === "percentage" ? "%" : undefined}
            help={form.discountType === "percentage" ? "1 to 100" : "In the shop's currency"}
            disabled={!form.discountEnabled}
          />
          <TextSetting
            fields={fields}
            name="discountExpiryDays"
            label="Code valid for"
            suffix="days"
            disabled={!form.discountEnabled}
          />
        </FormLayout.Group>
      </Section>
      <Section
        title="Alternatives and cancellation"
        description="What emails offer customers who would rather not wait."
      >
        <CheckboxSetting
          fields={fields}
          name="alternativesEnabled"
          label="Suggest in-stock alternatives"
          help="The same product's other variants, then the products below."
        />
        <AlternativesPicker fields={fields} disabled={!form.alternativesEnabled} />
        <CheckboxSetting
          fields={fields}
          name="cancelLinkEnabled"
          label="Add an “ask to cancel” link to ETA-changed emails"
          help="Requests appear on the Backorders page for you to handle."
        />
      </Section>
    </>
  );
}
