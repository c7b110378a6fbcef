import { Banner, BlockStack, List, Text } from "@shopify/polaris";
import type { Sending } from "./settings-contract.ts";

/** How to send from the merchant's own address: a warning until sender and reply-to are set. */
export function SenderSetup({ sending }: { sending: Sending }) {
  const domain = sending.senderDomain ?? "your domain";
  const steps = (
    <List type="number">
      <List.Item>
        SPF: add the mail server that sends for this app to the SPF record of {domain} (your email provider or
        app host names the <code>include:</code> to add).
      </List.Item>
      {sending.dkim ? (
        <List.Item>
          DKIM: the app signs every email. Add a CNAME record <code>{sending.dkim.record}</code> pointing to{" "}
          <code>{sending.dkim.target}</code>, so the signature counts for {domain}.
        </List.Item>
      ) : (
        <List.Item>
          DKIM: the app does not sign emails yet. Ask whoever runs it to set a DKIM key (see
          docs/operations.md).
        </List.Item>
      )}
    </List>
  );
  if (!sending.needsSetup) {
    return (
      <BlockStack gap="200">
        <Text as="p">
          Customers see emails from <strong>{sending.from}</strong>. Authenticate {domain} so they reach
          inboxes:
        </Text>
        {steps}
      </BlockStack>
    );
  }
  return (
    <Banner tone="warning" title="Set your sender address and reply-to">
      <BlockStack gap="200">
        <Text as="p">
          Customers see emails from <strong>{sending.from}</strong>, and their replies do not reach you. Set a
          sender address on your own domain and a reply-to address you read, then authenticate the domain:
        </Text>
        {steps}
      </BlockStack>
    </Banner>
  );
}
