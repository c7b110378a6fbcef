import { useTranslation } from "react-i18next";
import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { EmptyCard } from "../../components/page-states.tsx";
import { RouterLink } from "../../router/router.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import { variantLabel, type DemandRow } from "../subscribers/subscribers-contract.ts";

/** Variants with the most active subscribers: what shoppers are waiting for. */
export function MostWantedCard({ rows }: { rows: DemandRow[] }) {
  const { t } = useTranslation();
  const f = useFormats();
  const top = [...rows].sort((a, b) => b.waiting - a.waiting).slice(0, 5);
  if (top.length === 0) {
    return <EmptyCard heading={t("dashboard.noOneWaiting")}>{t("dashboard.noOneWaitingBody")}</EmptyCard>;
  }
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          {t("dashboard.mostWanted")}
        </Text>
        <DataTable
          columnContentTypes={["text", "numeric", "numeric"]}
          headings={[t("common.variant"), t("dashboard.activeSubscribers"), t("dashboard.pending")]}
          rows={top.map((r) => [
            variantLabel(r, t("common.untitledProduct")),
            f.number(r.waiting),
            f.number(r.pending),
          ])}
        />
        <RouterLink url="/admin/subscribers">{t("dashboard.seeAllSubscribers")}</RouterLink>
      </BlockStack>
    </Card>
  );
}
