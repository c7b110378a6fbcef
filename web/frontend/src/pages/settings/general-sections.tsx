import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  return (
    <>
      <Section title={t("settings.inventory")} description={t("settings.whichLocationsStockCountsToward")}>
        {locations.length === 0 ? (
          <Text as="p" tone="subdued">
            {t("settings.noLocations")}
          </Text>
        ) : (
          <ChoiceList
            allowMultiple
            title={t("settings.countedLocationsNoneSelectedMeans")}
            choices={locations.map((l) => ({
              label: l.active ? l.name : t("settings.inactiveLocation", { name: l.name }),
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
          label={t("settings.defaultLeadTime")}
          suffix={t("settings.days")}
          help={t("settings.etaForVariantsWithoutA")}
        />
        <TextSetting
          fields={fields}
          name="orderTag"
          label={t("settings.orderTag")}
          type="text"
          help={t("settings.addedToOrdersWithBackordered")}
        />
      </Section>
      <Section title={t("settings.restockAlerts")} description={t("settings.whenAndHowFastBack")}>
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="restockThreshold"
            label={t("settings.restockThreshold")}
            suffix={t("settings.units")}
            help={t("settings.alertsStartWhenStockRises")}
          />
          <TextSetting
            fields={fields}
            name="waveMultiplier"
            label={t("settings.waveMultiplier")}
            help={t("settings.waveSizeAvailableThis0")}
          />
        </FormLayout.Group>
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="waveWindowMinutes"
            label={t("settings.waveWindow")}
            suffix={t("settings.minutes")}
          />
          <TextSetting
            fields={fields}
            name="attributionWindowDays"
            label={t("settings.attributionWindow")}
            suffix={t("settings.days")}
          />
        </FormLayout.Group>
        <CheckboxSetting fields={fields} name="doubleOptIn" label={t("settings.doubleOptInConfirmThe")} />
        <CheckboxSetting
          fields={fields}
          name="keepSubscribed"
          label={t("settings.keepSubscribedAfterAnAlert")}
        />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="alertExpiryDays"
            label={t("settings.alertsExpireAfter")}
            suffix={t("settings.days")}
            help={t("settings.countedFromConfirmationOrThe")}
          />
          <TextSetting
            fields={fields}
            name="reminderAfterHours"
            label={t("settings.reminderAfter")}
            suffix={t("settings.hours")}
            help={t("settings.oneReminderToThoseWho")}
          />
        </FormLayout.Group>
        <CheckboxSetting
          fields={fields}
          name="renewalEmailEnabled"
          label={t("settings.emailAStillInterestedRenew")}
        />
      </Section>
      <Section title={t("settings.sending")} description={t("settings.whoEmailsComeFromAnd")}>
        <SenderSetup sending={sending} />
        <FormLayout.Group>
          <TextSetting
            fields={fields}
            name="senderName"
            label={t("settings.senderName")}
            type="text"
            help={t("settings.yourShopSNameWhen")}
          />
          <TextSetting fields={fields} name="senderEmail" label={t("settings.senderAddress")} type="email" />
        </FormLayout.Group>
        <TextSetting fields={fields} name="replyTo" label={t("settings.replyToAddress")} type="email" />
        <TextSetting
          fields={fields}
          name="sendRatePerSecond"
          label={t("settings.sendRate")}
          suffix={t("settings.emailsSecond")}
        />
      </Section>
      <Section
        title={t("settings.customerEmails")}
        description={t("settings.whichEmailsCustomersWithBackordered")}
      >
        <CheckboxSetting
          fields={fields}
          name="emailBackorderConfirmation"
          label={t("settings.backorderConfirmation")}
        />
        <CheckboxSetting fields={fields} name="emailEtaChanged" label={t("settings.etaChanged")} />
        <CheckboxSetting
          fields={fields}
          name="emailBackorderReady"
          label={t("settings.backorderReadyToShip")}
        />
      </Section>
    </>
  );
}
