import { BlockStack, Card, DataTable, Text } from "@shopify/polaris";
import { EmptyCard } from "../../components/page-states.tsx";
import { RouterLink } from "../../router/router.tsx";
import { formatNumber } from "../../format/format.ts";
import { variantLabel, type DemandRow } from "../subscribers/subscribers-contract.ts";

/** Variants with the most active subscribers: what shoppers are waiting for. */
export function MostWantedCard({ rows }: { rows: DemandRow[] }) {
  const top = [...rows].sort((a, b) => b.waiting - a.waiting).slice(0, 5);
  if (top.length === 0) {
    return (
      <EmptyCard heading="No one is waiting for a variant">Back-in-stock signups appear here.</EmptyCard>
    );
  }
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingSm">
          Most wanted variants
        </Text>
        <DataTable
          columnContentTypes={["text", "numeric", "numeric"]}
          headings={["Variant", "Active subscribers", "Pending"]}
          rows={top.map((r) => [variantLabel(r), formatNumber(r.waiting), formatNumber(r.pending)])}
        />
        <RouterLink url="/admin/subscribers">See all subscribers</RouterLink>
      </BlockStack>
    </Card>
  );
}
