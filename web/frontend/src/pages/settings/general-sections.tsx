import { ChoiceList, FormLayout, Text } from "@shopify/polaris";
import { SenderSetup } from "./sender-setup.tsx";
import type { LocationRow, Sending } from "./settings-contract.ts";
import { CheckboxSetting, Section, TextSetting, type Fields } from "./settings-fields.tsx";

/** Inventory, restock alerts, sending and customer emails: the settings the app started with. */
export function GeneralSections({
  fields,
  locations,
  sending,
}: {
  fields: Fields;
  locations: LocationRow[];
  sending: Sending;
}) {
  return (
    <>
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
            selected={fields.form.countedLocationIds}
            onChange={fields.set("countedLocationIds")}
            error={fields.error("countedLocationIds")}
          />
        )}
        <TextSetting
          fields={fields}
          name="defaultLeadTimeDays"
          label="Default lead time"
          suffix="days"
          help="ETA for variants without a date; leave empty for none"
        />
        <TextSetting
          fields={fields}
          name="orderTag"
          label="Order tag"
          type="text"
          help="Added to orders with backordered lines"
        />
      </Section>
      <Section title="Restock alerts" description="When and how fast back-in-stock emails go out.">
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="restockThreshold"
            label="Restock threshold"
            suffix="units"
            help="Alerts start when stock rises above this"
          />
          <TextSetting
            fields={fields}
            name="waveMultiplier"
            label="Wave multiplier"
            help="Wave size = available × this; 0 sends to everyone at once"
          />
        </FormLayout.Group>
        <FormLayout.Group>
          <TextSetting fields={fields} name="waveWindowMinutes" label="Wave window" suffix="minutes" />
          <TextSetting
            fields={fields}
            name="attributionWindowDays"
            label="Attribution window"
            suffix="days"
          />
        </FormLayout.Group>
        <CheckboxSetting
          fields={fields}
          name="doubleOptIn"
          label="Double opt-in (confirm the email address before subscribing)"
        />
        <CheckboxSetting fields={fields} name="keepSubscribed" label="Keep subscribed after an alert" />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="alertExpiryDays"
            label="Alerts expire after"
            suffix="days"
            help="Counted from confirmation or the last renewal"
          />
          <TextSetting
            fields={fields}
            name="reminderAfterHours"
            label="Reminder after"
            suffix="hours"
            help="One reminder to those who did not buy, only while in stock; empty for none"
          />
        </FormLayout.Group>
        <CheckboxSetting
          fields={fields}
          name="renewalEmailEnabled"
          label="Email a “still interested?” renew link a week before an alert expires"
        />
      </Section>
      <Section title="Sending" description="Who emails come from and how fast they are sent.">
        <SenderSetup sending={sending} />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="senderName"
            label="Sender name"
            type="text"
            help="Your shop's name when empty"
          />
          <TextSetting fields={fields} name="senderEmail" label="Sender address" type="email" />
        </FormLayout.Group>
        <TextSetting fields={fields} name="replyTo" label="Reply-to address" type="email" />
        <TextSetting fields={fields} name="sendRatePerSecond" label="Send rate" suffix="emails / second" />
      </Section>
      <Section title="Customer emails" description="Which emails customers with backordered lines get.">
        <CheckboxSetting fields={fields} name="emailBackorderConfirmation" label="Backorder confirmation" />
        <CheckboxSetting fields={fields} name="emailEtaChanged" label="ETA changed" />
        <CheckboxSetting fields={fields} name="emailBackorderReady" label="Backorder ready to ship" />
      </Section>
    </>
  );
}
