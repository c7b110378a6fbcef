import { BlockStack } from "@shopify/polaris";
import type { ReactNode } from "react";

/**
 * The one cell of a condensed IndexTable row (a list on a phone): Polaris lays a condensed row's
 * cells side by side, so a row that must fit 390 px stacks its lines in this instead.
 */
export function CondensedCell({ children }: { children: ReactNode }) {
  return (
    <div style={{ padding: "var(--p-space-300) var(--p-space-400)" }}>
      <BlockStack gap="100">{children}</BlockStack>
    </div>
  );
}
