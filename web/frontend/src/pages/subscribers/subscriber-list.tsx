import { useTranslation } from "react-i18next";
import {
  Badge,
  BlockStack,
  DataTable,
  InlineStack,
  Pagination,
  Select,
  Text,
  Tooltip,
} from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton } from "../../components/page-states.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import type { SubscriberPageResponse } from "../../../../contract/api-responses.ts";
import { STATUS_HELP, subscribersPath } from "./subscribers-contract.ts";

const STATUS_TONE: Record<string, "success" | "attention" | "info" | undefined> = {
  ACTIVE: "success",
  PENDING: "attention",
  NOTIFIED: "info",
};

/**
 * A variant's subscribers, newest first, 50 a page (keyset cursors: earlier pages are remembered),
 * filtered by status; each status badge explains itself on hover and in the legend below.
 */
export function SubscriberList({ variantId }: { variantId: string }) {
  const { t } = useTranslation();
  const f = useFormats();
  const statusLabel = (status: string) => {
    const help = STATUS_HELP[status];
    return help ? t(help.label) : status;
  };
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [status, setStatus] = useState("");
  const state = useApi<SubscriberPageResponse>(subscribersPath(variantId, cursors.at(-1) ?? null, status));
  const filter = (
    <Select
      label={t("subscribers.show")}
      labelInline
      options={[
        { label: t("subscribers.allStatuses"), value: "" },
        ...["ACTIVE", "PENDING", "NOTIFIED", "UNSUBSCRIBED", "EXPIRED"].map((value) => ({
          value,
          label: statusLabel(value),
        })),
      ]}
      value={status}
      onChange={(value) => {
        setCursors([null]);
        setStatus(value);
      }}
    />
  );
  return (
    <ApiView state={state} what={t("subscribers.theSubscriberList")} skeleton={<CardSkeleton lines={6} />}>
      {(body) => {
        const { subscribers: rows, nextCursor } = body;
        if (rows.length === 0)
          return (
            <BlockStack gap="200">
              {filter}
              <Text as="p" tone="subdued">
                {status ? t("subscribers.noneWithStatus") : t("subscribers.noneForVariant")}
              </Text>
            </BlockStack>
          );
        return (
          <BlockStack gap="200">
            {filter}
            <DataTable
              columnContentTypes={["text", "text", "text", "text", "text"]}
              headings={[
                t("subscribers.email"),
                t("subscribers.statusHeading"),
                t("subscribers.marketing"),
                t("subscribers.subscribed"),
                t("subscribers.notifiedHeading"),
              ]}
              rows={rows.map((s) => [
                s.email,
                <Tooltip
                  key={s.id}
                  content={STATUS_HELP[s.status] ? t(STATUS_HELP[s.status]!.help) : undefined}
                >
                  <Badge tone={STATUS_TONE[s.status]}>{statusLabel(s.status)}</Badge>
                </Tooltip>,
                s.marketingConsent ? t("subscribers.accepted") : "—",
                f.dateTime(s.createdAt),
                f.dateTime(s.notifiedAt),
              ])}
            />
            <BlockStack gap="100">
              {["ACTIVE", "PENDING", "NOTIFIED"].map((key) => (
                <Text key={key} as="p" variant="bodySm" tone="subdued">
                  <Text as="span" fontWeight="semibold">
                    {t("common.labelled", { label: statusLabel(key) })}
                  </Text>{" "}
                  {t(STATUS_HELP[key]!.help)}
                </Text>
              ))}
            </BlockStack>
            {cursors.length > 1 || nextCursor ? (
              <InlineStack align="center">
                <Pagination
                  hasPrevious={cursors.length > 1}
                  hasNext={nextCursor !== null}
                  onPrevious={() => setCursors((c) => c.slice(0, -1))}
                  onNext={() => nextCursor && setCursors((c) => [...c, nextCursor])}
                  label={t("common.page", { page: cursors.length })}
                />
              </InlineStack>
            ) : null}
          </BlockStack>
        );
      }}
    </ApiView>
  );
}
