import { Button, Card, IndexTable, Page, Text } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { useToast } from "../../components/toast.tsx";
import { formatNumber } from "../../format/format.ts";
import { readDemand, type DemandRow } from "./subscribers-contract.ts";
import { SubscribersModal } from "./subscribers-modal.tsx";

export default function SubscribersPage() {
  const toast = useToast();
  const state = useApi<unknown>("/subscriptions/demand");
  const [open, setOpen] = useState<DemandRow | null>(null);
  return (
    <Page
      title="Subscribers"
      subtitle="Back-in-stock demand per variant"
      secondaryActions={
        <>
          <CsvButton path="/subscriptions/export.csv" filename="subscribers.csv">
            Export subscribers
          </CsvButton>{" "}
          <CsvButton path="/subscriptions/purchasing.csv" filename="purchasing.csv">
            Purchasing export
          </CsvButton>
        </>
      }
    >
      <ApiView
        state={state}
        what="Subscriber demand"
        skeleton={<CardSkeleton lines={10} minHeight="420px" />}
      >
        {(body) => {
          const rows = readDemand(body).sort((a, b) => b.active - a.active);
          if (rows.length === 0)
            return (
              <EmptyCard heading="No subscribers yet">
                Shoppers who ask to be told when a sold-out variant is back appear here.
              </EmptyCard>
            );
          return (
            <Card padding="0">
              <IndexTable
                resourceName={{ singular: "variant", plural: "variants" }}
                itemCount={rows.length}
                selectable={false}
                headings={[
                  { title: "Variant" },
                  { title: "Active", alignment: "end" },
                  { title: "Pending", alignment: "end" },
                  { title: "Notified", alignment: "end" },
                  { title: "" },
                ]}
              >
                {rows.map((row, index) => (
                  <IndexTable.Row id={row.variantId} key={row.variantId} position={index}>
                    <IndexTable.Cell>
                      <Text as="span" fontWeight="semibold">
                        {row.productTitle}
                      </Text>
                      {row.variantTitle ? (
                        <Text as="span" tone="subdued">
                          {" "}
                          — {row.variantTitle}
                        </Text>
                      ) : null}
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatNumber(row.active)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatNumber(row.pending)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Text as="span" alignment="end" numeric>
                        {formatNumber(row.notified)}
                      </Text>
                    </IndexTable.Cell>
                    <IndexTable.Cell>
                      <Button
                        variant="plain"
                        onClick={() => setOpen(row)}
                        accessibilityLabel={`Subscribers of ${row.productTitle} ${row.variantTitle}`}
                      >
                        View subscribers
                      </Button>
                    </IndexTable.Cell>
                  </IndexTable.Row>
                ))}
              </IndexTable>
            </Card>
          );
        }}
      </ApiView>
      {open ? (
        <SubscribersModal
          variant={open}
          onClose={() => setOpen(null)}
          onSent={(message) => {
            setOpen(null);
            toast(message);
            state.reload();
          }}
        />
      ) : null}
    </Page>
  );
}
