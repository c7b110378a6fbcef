import { TitleBar } from "@shopify/app-bridge-react";
import { Box, Page, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { BridgeButtons, type BridgeAction } from "./bridge-buttons.tsx";
import { shopifyUi } from "./shopify-ui.ts";

export type PageAction = BridgeAction;

type Props = {
  title: string;
  subtitle?: string;
  primaryAction?: PageAction;
  secondaryActions?: PageAction[];
  fullWidth?: boolean;
  children: ReactNode;
};

/**
 * A page of the admin: its title and actions in App Bridge's title bar (`<ui-title-bar>`) when the
 * page has App Bridge, else in Polaris' page header (docs/admin-app-bridge.md).
 */
export function AppPage({
  title,
  subtitle,
  primaryAction,
  secondaryActions = [],
  fullWidth,
  children,
}: Props) {
  if (!shopifyUi()) {
    return (
      <Page
        title={title}
        subtitle={subtitle}
        fullWidth={fullWidth}
        primaryAction={primaryAction}
        secondaryActions={secondaryActions}
      >
        {children}
      </Page>
    );
  }
  return (
    <>
      <TitleBar title={title}>
        <BridgeButtons primary={primaryAction} secondary={secondaryActions} />
      </TitleBar>
      <Page fullWidth={fullWidth}>
        {subtitle ? (
          // Polaris draws cards edge to edge on a phone; the subtitle keeps the header's inset there.
          <Box paddingBlockEnd="400" paddingInline={{ xs: "400", sm: "0" }}>
            <Text as="p" tone="subdued">
              {subtitle}
            </Text>
          </Box>
        ) : null}
        {children}
      </Page>
    </>
  );
}
