import { Banner, BlockStack, Button, InlineStack, ProgressBar, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import type { SetupGuideView } from "../../../../../contract/api-responses.ts";
import type { TFunction } from "i18next";
import type { Formats } from "../../../format/format.ts";

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
  t: TFunction,
  f: Formats,
): { title: string; body: ReactNode } {
  if (id === "eta_block" || id === "notify_block") {
    return {
      title: id === "eta_block" ? t("setup.etaBlockTitle") : t("setup.notifyBlockTitle"),
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            {id === "eta_block" ? t("setup.etaBlockBody") : t("setup.notifyBlockBody")}{" "}
            {t("setup.themeEditorHint")}
          </Text>
          <InlineStack gap="200">
            {/* At the top level: inside the admin the theme editor must not load in the app's iframe. */}
            <Button url={g.themeEditorUrls[id]} target="_top">
              {t("setup.openThemeEditor")}
            </Button>
            <Button variant="plain" disabled={act.busy} onClick={() => act.mark(id, !done)}>
              {done ? t("setup.markNotDone") : t("setup.markDone")}
            </Button>
          </InlineStack>
        </BlockStack>
      ),
    };
  }
  if (id === "etas") {
    const n = g.variantsWithoutEta;
    return {
      title: done ? t("setup.etasDone") : t("setup.etasTodo", { count: n, n: f.number(n) }),
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            {t("setup.etasBody")}
          </Text>
          {done ? null : (
            <InlineStack>
              <Button url="/admin/etas?view=no_eta">{t("setup.setEtas")}</Button>
            </InlineStack>
          )}
        </BlockStack>
      ),
    };
  }
  if (id === "sender") {
    return {
      title: t("setup.senderTitle"),
      body: (
        <BlockStack gap="200">
          <Text as="p" tone="subdued">
            {done
              ? t("setup.senderDone", { name: g.sender.name, replyTo: g.sender.replyTo })
              : t("setup.senderBody")}
          </Text>
          <InlineStack>
            <Button url="/admin/settings">
              {done ? t("setup.changeInSettings") : t("setup.openSettings")}
            </Button>
          </InlineStack>
        </BlockStack>
      ),
    };
  }
  return { title: t("setup.syncTitle"), body: <SyncProgress g={g} act={act} t={t} f={f} /> };
}

function SyncProgress({ g, act, t, f }: { g: SetupGuideView; act: StepActions; t: TFunction; f: Formats }) {
  const { status, stored, total } = g.sync;
  if (status === "FAILED") {
    return (
      <Banner
        tone="critical"
        title={t("setup.syncFailed")}
        action={{ content: t("setup.syncNow"), onAction: act.syncNow, loading: act.busy }}
      >
        <p>{t("setup.syncFailedBody")}</p>
      </Banner>
    );
  }
  const label =
    status === "DONE"
      ? t("setup.synced", { count: stored, n: f.number(stored) })
      : total === null
        ? t("setup.preparing")
        : t("setup.syncedOf", { n: f.number(stored), total: f.number(total) });
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
