import { Trans, useTranslation } from "react-i18next";
import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import type { Sending } from "./settings-contract.ts";

/** How to send from the merchant's own address: a warning until sender and reply-to are set. */
export function SenderSetup({ sending }: { sending: Sending }) {
  const { t } = useTranslation();
  const domain = sending.senderDomain ?? t("settings.yourDomain");
  const steps = (
    <List type="number">
      <List.Item>
        <Trans i18nKey="settings.spf" values={{ domain }} components={{ code: <code /> }} />
      </List.Item>
      {sending.dkim ? (
        <List.Item>
          <Trans
            i18nKey="settings.dkimSigned"
            values={{ domain, record: sending.dkim.record, target: sending.dkim.target }}
            components={{ code: <code /> }}
          />
        </List.Item>
      ) : (
        <List.Item>{t("settings.dkimUnsigned")}</List.Item>
      )}
    </List>
  );
  if (!sending.needsSetup) {
    return (
      <BlockStack gap="200">
        <Text as="p">
          <Trans
            i18nKey="settings.sendingFrom"
            values={{ from: sending.from, domain }}
            components={{ strong: <strong /> }}
          />
        </Text>
        {steps}
      </BlockStack>
    );
  }
  return (
    <Banner tone="warning" title={t("settings.setSenderTitle")}>
      <BlockStack gap="200">
        <Text as="p">
          <Trans
            i18nKey="settings.setSenderBody"
            values={{ from: sending.from }}
            components={{ strong: <strong /> }}
          />
        </Text>
        {steps}
      </BlockStack>
    </Banner>
  );
}
