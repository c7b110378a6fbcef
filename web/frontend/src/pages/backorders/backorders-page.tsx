import {
  BlockStack,
  Card,
  Checkbox,
  IndexTable,
  InlineStack,
  Page,
  Pagination,
  Select,
  Tag,
  Text,
} from "@shopify/polaris";
import { useState } from "react";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { BackorderHistoryModal } from "./backorder-history-modal.tsx";
import { BackorderTableRow } from "./backorder-table-row.tsx";
import { CancelRequestsCard } from "./cancel-requests-card.tsx";
import type { BackorderPageResponse } from "../../../../contract/api-responses.ts";
import {
  backorderSearch,
  backorderPage,
  type BackorderQuery,
  type BackorderRow,
} from "./backorders-contract.ts";

const STATUS_OPTIONS = [
  { label: "Open", value: "OPEN" },
  { label: "Ready to ship", value: "READY" },
  { label: "Fulfilled", value: "FULFILLED" },
  { label: "Cancelled", value: "CANCELLED" },
  { label: "Any status", value: "" },
];
const SORTABLE: (BackorderQuery["sort"] | null)[] = [
  null,
  null,
  null,
  "backordered",
  "placedAt",
  "eta",
  "status",
];

export default function BackordersPage() {
  const api = useApiClient();
  const [query, setQuery] = useState<BackorderQuery>({
    status: "OPEN",
    product: "",
    overdue: false,
    sort: "placedAt",
    direction: "desc",
    page: 1,
    pageSize: 25,
  });
  // The product filter is set from a row ("only this product"): the API filters by product id.
  const [productLabel, setProductLabel] = useState("");
  const [historyRow, setHistoryRow] = useState<BackorderRow | null>(null);
  const state = useApi<BackorderPageResponse>(`/backorders?${backorderSearch(query)}`);
  const update = (patch: Partial<BackorderQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const exportQuery = backorderSearch({ ...query, page: 1 });

  return (
    <Page
      title="Backorders"
      subtitle="Order lines waiting for stock"
      secondaryActions={
        <CsvButton path={`/backorders/export.csv?${exportQuery}`} filename="backorders.csv">
          Export CSV
        </CsvButton>
      }
    >
      <BlockStack gap="400">
        <CancelRequestsCard shop={api.shop} />
        <Card>
          <InlineStack gap="400" blockAlign="end" wrap>
            <Select
              label="Status"
              options={STATUS_OPTIONS}
              value={query.status}
              onChange={(status) => update({ status })}
            />
            {query.product ? (
              <Tag onRemove={() => update({ product: "" })}>{`Product: ${productLabel}`}</Tag>
            ) : (
              <Text as="span" tone="subdued">
                Filter by product from a row
              </Text>
            )}
            <Checkbox
              label="Overdue ETA only"
              checked={query.overdue}
              onChange={(overdue) => update({ overdue })}
            />
          </InlineStack>
        </Card>
        <ApiView
          state={state}
          what="The backorder list"
          skeleton={<CardSkeleton lines={10} minHeight="420px" />}
        >
          {(body) => {
            const page = backorderPage(body);
            if (page.rows.length === 0 && query.page === 1) {
              return (
                <EmptyCard heading="No backordered lines match">
                  Lines appear here when an order takes more units than are in stock.
                </EmptyCard>
              );
            }
            const sortIndex = SORTABLE.indexOf(query.sort);
            return (
              <Card padding="0">
                <IndexTable
                  resourceName={{ singular: "backordered line", plural: "backordered lines" }}
                  itemCount={page.rows.length}
                  selectable={false}
                  headings={[
                    { title: "Order" },
                    { title: "Customer" },
                    { title: "Variant" },
                    { title: "Backordered", alignment: "end" },
                    { title: "Ordered at" },
                    { title: "ETA" },
                    { title: "Status" },
                  ]}
                  sortable={SORTABLE.map((s) => s !== null)}
                  sortColumnIndex={sortIndex}
                  sortDirection={query.direction === "asc" ? "ascending" : "descending"}
                  onSort={(index, direction) => {
                    const sort = SORTABLE[index];
                    if (sort) update({ sort, direction: direction === "ascending" ? "asc" : "desc" });
                  }}
                >
                  {page.rows.map((row, index) => (
                    <BackorderTableRow
                      key={row.id}
                      row={row}
                      index={index}
                      shop={api.shop}
                      productFiltered={Boolean(query.product)}
                      onOnlyProduct={(product, title) => {
                        setProductLabel(title);
                        update({ product });
                      }}
                      onShowHistory={setHistoryRow}
                    />
                  ))}
                </IndexTable>
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={query.page > 1}
                    hasNext={page.hasNext}
                    onPrevious={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
                    onNext={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
                    label={`Page ${query.page} of ${Math.max(1, Math.ceil(page.total / query.pageSize))}`}
                  />
                </InlineStack>
              </Card>
            );
          }}
        </ApiView>
      </BlockStack>
      {historyRow ? <BackorderHistoryModal row={historyRow} onClose={() => setHistoryRow(null)} /> : null}
    </Page>
  );
}
