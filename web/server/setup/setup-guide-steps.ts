// The dashboard's setup guide, decided from what the shop has (pure; see docs/admin-setup-guide.md).

/** Steps the merchant ticks themselves: the app cannot see a theme's blocks without theme access. */
export const MANUAL_STEPS = ["eta_block", "notify_block"] as const;
export type ManualStep = (typeof MANUAL_STEPS)[number];
export type SetupStepId = ManualStep | "etas" | "sender" | "sync";

/** The theme app extension's block handles (extensions/backorder-theme/blocks/<handle>.liquid). */
export const THEME_BLOCKS: Record<ManualStep, string> = {
  eta_block: "backorder-eta",
  notify_block: "notify-me",
};

export type SetupStep = { id: SetupStepId; done: boolean };

export type SetupGuideView = {
  dismissed: boolean;
  steps: SetupStep[];
  completed: number;
  /** Theme editor links that add each block to the product template. */
  themeEditorUrls: Record<ManualStep, string>;
  /** Backordered variants with no ETA from anywhere (the ETA list's "no_eta" view). */
  variantsWithoutEta: number;
  sender: { name: string | null; replyTo: string | null };
  sync: { status: string; stored: number; total: number | null };
};

export type SetupFacts = {
  shopDomain: string;
  apiKey: string;
  stepsDone: string[];
  dismissed: boolean;
  variantsWithoutEta: number;
  senderName: string | null;
  replyTo: string | null;
  syncStatus: string;
  syncStored: number;
  syncTotal: number | null;
};

/** Shopify's deep link that opens the theme editor on a product page with the block being added. */
export function themeEditorUrl(shopDomain: string, apiKey: string, blockHandle: string): string {
  const params = new URLSearchParams({
    template: "product",
    addAppBlockId: `${apiKey}/${blockHandle}`,
    target: "mainSection",
  });
  return `https://${shopDomain}/admin/themes/current/editor?${params.toString().replace(/%2F/g, "/")}`;
}

export function decideSetupGuide(f: SetupFacts): SetupGuideView {
  const steps: SetupStep[] = [
    { id: "eta_block", done: f.stepsDone.includes("eta_block") },
    { id: "notify_block", done: f.stepsDone.includes("notify_block") },
    { id: "etas", done: f.variantsWithoutEta === 0 },
    { id: "sender", done: Boolean(f.senderName?.trim() && f.replyTo?.trim()) },
    { id: "sync", done: f.syncStatus === "DONE" },
  ];
  return {
    dismissed: f.dismissed,
    steps,
    completed: steps.filter((s) => s.done).length,
    themeEditorUrls: {
      eta_block: themeEditorUrl(f.shopDomain, f.apiKey, THEME_BLOCKS.eta_block),
      notify_block: themeEditorUrl(f.shopDomain, f.apiKey, THEME_BLOCKS.notify_block),
    },
    variantsWithoutEta: f.variantsWithoutEta,
    sender: { name: f.senderName, replyTo: f.replyTo },
    sync: { status: f.syncStatus, stored: f.syncStored, total: f.syncTotal },
  };
}
