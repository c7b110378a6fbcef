import { Banner, BlockStack, Button, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { SetupGuideView } from "../../../../../contract/api-responses.ts";
import { formatNumber } from "../../../format/format.ts";

type StepId = SetupGuideView["steps"][number]["id"];
export type StepActions = {
  mark: (id: "eta_block" | "notify_block", done: boolean) => void;
  syncNow: () => void;
  busy: boolean;
};

/** What each step says and offers, from the guide the server decided. */
export function stepContent(
  id: StepId,
  done: boolean,
  g: SetupGuideView,
  act: StepActions,
): { title: string; body: ReactNode } {
  if (id === "eta_block" || id === "notify_block") {
    const which = id === "eta_block" ? "ETA" : "notify-me";
    return {
      title: `Add the ${which} block to your product pages`,
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            {id === "eta_block"
              ? "Shows shoppers when a backordered variant ships."
              : "Lets shoppers ask for an email when a sold-out variant is back."}{" "}
            The theme editor opens with the block added; save the theme there.
          </Text>
          <InlineStack gap="200">
            {/* At the top level: inside the admin the theme editor must not load in the app's iframe. */}
            <Button url={g.themeEditorUrls[id]} target="_top">
              Open theme editor
            </Button>
            <Button variant="plain" disabled={act.busy} onClick={() => act.mark(id, !done)}>
              {done ? "Mark as not done" : "Mark as done"}
            </Button>
          </InlineStack>
        </BlockStack>
      ),
    };
  }
  if (id === "etas") {
    const n = g.variantsWithoutEta;
    return {
      title: done
        ? "Every backordered variant has an ETA"
        : `Set ETAs for ${formatNumber(n)} backordered variant${n === 1 ? "" : "s"} without one`,
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            Without an ETA, shoppers and confirmation emails cannot say when the order ships.
          </Text>
          {done ? null : (
            <InlineStack>
              <Button url="/admin/etas?view=no_eta">Set ETAs</Button>
            </InlineStack>
          )}
        </BlockStack>
      ),
    };
  }
  if (id === "sender") {
    return {
      title: "Set your sender name and reply-to address",
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            {done
              ? `Emails come from “${g.sender.name}”; replies go to ${g.sender.replyTo}.`
              : "Customers see this name on every email, and their replies reach you."}
          </Text>
          <InlineStack>
            <Button url="/admin/settings">{done ? "Change in settings" : "Open settings"}</Button>
          </InlineStack>
        </BlockStack>
      ),
    };
  }
  return { title: "Sync your products and inventory", body: <SyncProgress g={g} act={act} /> };
}

function SyncProgress({ g, act }: { g: SetupGuideView; act: StepActions }) {
  const { status, stored, total } = g.sync;
  if (status === "FAILED") {
    return (
      <Banner
        tone="critical"
        title="The first sync failed"
        action={{ content: "Sync now", onAction: act.syncNow, loading: act.busy }}
      >
        <p>Nothing was lost: run it again to read your products and stock from Shopify.</p>
      </Banner>
    );
  }
  const label =
    status === "DONE"
      ? `${formatNumber(stored)} variants synced`
      : total === null
        ? "Shopify is preparing your products…"
        : `${formatNumber(stored)} of ${formatNumber(total)} variants synced`;
  const progress = status === "DONE" ? 100 : total ? Math.round((stored / total) * 100) : 0;
  return (
    <BlockStack gap="200">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <ProgressBar progress={progress} size="small" tone={status === "DONE" ? "success" : "highlight"} />
    </BlockStack>
  );
}
