import { useTranslation } from "react-i18next";
import { Badge, IndexTable, InlineStack, Text } from "@shopify/polaris";
import type { ActivityItem } from "../../../../contract/api-responses.ts";
import type { TFunction } from "i18next";
import { useFormats } from "../../format/use-formats.tsx";
import { kindLabelKey } from "../emails/emails-contract.ts";
import { CondensedCell } from "../../components/condensed-cell.tsx";
import { labelKey } from "../../i18n/label-key.ts";

const TONE: Record<string, "success" | "critical" | "warning" | "attention" | undefined> = {
  SENT: "success",
  FAILED: "critical",
  SUPPRESSED: "warning",
  SKIPPED: "attention",
  PENDING: undefined,
};
// Notification and webhook statuses; one the admin does not know shows as the server names it.
const LABEL = {
  PENDING: "activity.status.PENDING",
  SENDING: "activity.status.SENDING",
  SENT: "activity.status.SENT",
  FAILED: "activity.status.FAILED",
  SUPPRESSED: "activity.status.SUPPRESSED",
  SKIPPED: "activity.status.SKIPPED",
} as const;
const statusLabelKey = (status: string) => labelKey(LABEL, status);

function what(item: ActivityItem, t: TFunction): string {
  if (item.source === "webhook") return t("activity.webhook", { topic: item.kind });
  const kind = kindLabelKey(item.kind);
  return t("activity.email", { kind: kind ? t(kind) : item.kind.replaceAll("_", " ") });
}

/**
 * One event of the activity log: six columns, or (condensed, on a phone) one cell with what and
 * its status, then when, the recipient and the attempts, then the error.
 */
export function ActivityRow({
  item,
  index,
  condensed,
}: {
  item: ActivityItem;
  index: number;
  condensed: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  const id = `${item.source}:${item.id}`;
  const label = statusLabelKey(item.status);
  const status = <Badge tone={TONE[item.status]}>{label ? t(label) : item.status}</Badge>;
  if (condensed) {
    return (
      <IndexTable.Row id={id} position={index}>
        <CondensedCell>
          <InlineStack gap="200" blockAlign="center" wrap>
            <Text as="span" fontWeight="semibold" breakWord>
              {what(item, t)}
            </Text>
            {status}
          </InlineStack>
          <Text as="p" variant="bodySm" tone="subdued" breakWord>
            {[f.dateTime(item.at), item.recipient, t("activity.attemptsCount", { count: item.attempts })]
              .filter(Boolean)
              .join(" · ")}
          </Text>
          {item.error ? (
            <Text as="p" variant="bodySm" tone="critical" breakWord>
              {item.error}
            </Text>
          ) : null}
        </CondensedCell>
      </IndexTable.Row>
    );
  }
  return (
    <IndexTable.Row id={id} position={index}>
      <IndexTable.Cell>{f.dateTime(item.at)}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span">{what(item, t)}</Text>
      </IndexTable.Cell>
      <IndexTable.Cell>{status}</IndexTable.Cell>
      <IndexTable.Cell>{item.recipient ?? "—"}</IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" alignment="end" numeric>
          {item.attempts}
        </Text>
      </IndexTable.Cell>
      <IndexTable.Cell>
        <Text as="span" tone={item.error ? "critical" : "subdued"} breakWord>
          {item.error ?? "—"}
        </Text>
      </IndexTable.Cell>
    </IndexTable.Row>
  );
}
