import { useTranslation } from "react-i18next";
import { Banner, BlockStack, Box, Card, SkeletonBodyText, SkeletonDisplayText, Text } from "@shopify/polaris";
import type { ReactNode } from "react";
import { ApiError } from "../api/api-client.ts";
import type { ApiState } from "../api/use-api.ts";

/** Same outer size as the card it stands for, so nothing moves when the data arrives. */
export function CardSkeleton({ lines = 3, minHeight }: { lines?: number; minHeight?: string }) {
  return (
    <Card>
      <Box minHeight={minHeight}>
        <BlockStack gap="300">
          <SkeletonDisplayText size="small" />
          <SkeletonBodyText lines={lines} />
        </BlockStack>
      </Box>
    </Card>
  );
}

export function EmptyCard({
  heading,
  children,
  action,
}: {
  heading: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <Card>
      <Box paddingBlock="800" paddingInline="400">
        <BlockStack gap="200" inlineAlign="center">
          <Text as="h2" variant="headingMd" alignment="center">
            {heading}
          </Text>
          {children ? (
            <Text as="p" tone="subdued" alignment="center">
              {children}
            </Text>
          ) : null}
          {action}
        </BlockStack>
      </Box>
    </Card>
  );
}

/** A route another part of the app has not shipped yet: say so plainly, never invent data. */
export function UnavailableCard({ what }: { what: string }) {
  const { t } = useTranslation();
  return (
    <EmptyCard heading={t("states.unavailableTitle", { what })}>{t("states.unavailableBody")}</EmptyCard>
  );
}

export function ErrorBanner({ error, onRetry }: { error: Error; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Banner
      tone="critical"
      title={t("states.loadFailed")}
      action={onRetry ? { content: t("states.tryAgain"), onAction: onRetry } : undefined}
    >
      <p>{error.message}</p>
    </Banner>
  );
}

/** Loading, missing route, error, then the data: the four states every page card goes through. */
export function ApiView<T>({
  state,
  what,
  skeleton,
  children,
}: {
  state: ApiState<T>;
  what: string;
  skeleton?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (state.error instanceof ApiError && state.error.isMissingRoute) return <UnavailableCard what={what} />;
  if (state.error) return <ErrorBanner error={state.error} onRetry={state.reload} />;
  if (state.data === null) return <>{skeleton ?? <CardSkeleton />}</>;
  return <>{children(state.data)}</>;
}
