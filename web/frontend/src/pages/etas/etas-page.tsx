import { BlockStack, Card, InlineStack, Page, Pagination, Select, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { useToast } from "../../components/toast.tsx";
import { CheckoutReachBanner } from "./checkout-reach-banner.tsx";
import { EtaImportCard } from "./eta-import-card.tsx";
import { EtaTable } from "./eta-table.tsx";
import type { EtaPageResponse } from "../../../../contract/api-responses.ts";
import { etaPage, etaSearch, type EtaListQuery } from "./etas-contract.ts";

const FILTERS = [
  { label: "All variants", value: "all" },
  { label: "Overdue ETA", value: "overdue" },
  { label: "Backordered now", value: "backordered" },
];
export default function EtasPage() {
  const toast = useToast();
  const [query, setQuery] = useState<EtaListQuery>({ search: "", filter: "all", page: 1, pageSize: 50 });
  const [searchInput, setSearchInput] = useState("");
  useEffect(() => {
    const timer = setTimeout(
      () => setQuery((q) => (q.search === searchInput ? q : { ...q, search: searchInput, page: 1 })),
      300,
    );
    return () => clearTimeout(timer);
  }, [searchInput]);
  const state = useApi<EtaPageResponse>(`/etas?${etaSearch(query)}`);
  const changed = (message: string) => {
    toast(message);
    state.reload();
  };
  return (
    <Page title="ETAs" subtitle="Expected dates shown on product pages, at checkout and in emails">
      <BlockStack gap="400">
        <CheckoutReachBanner />
        <Card>
          <InlineStack gap="400" blockAlign="end" wrap>
            <TextField
              label="Search"
              value={searchInput}
              onChange={setSearchInput}
              placeholder="Product, variant or SKU"
              autoComplete="off"
              clearButton
              onClearButtonClick={() => setSearchInput("")}
            />
            <Select
              label="Show"
              options={FILTERS}
              value={query.filter}
              onChange={(filter) =>
                setQuery((q) => ({ ...q, filter: filter as EtaListQuery["filter"], page: 1 }))
              }
            />
          </InlineStack>
        </Card>
        <ApiView state={state} what="The ETA list" skeleton={<CardSkeleton lines={10} minHeight="420px" />}>
          {(body) => {
            const page = etaPage(body);
            if (page.rows.length === 0 && query.page === 1)
              return (
                <EmptyCard heading="No variants match">
                  Variants appear once products are synced from Shopify.
                </EmptyCard>
              );
            return (
              <BlockStack gap="200">
                <EtaTable key={query.page} rows={page.rows} today={page.today} onChanged={changed} />
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={query.page > 1}
                    hasNext={page.hasNext}
                    onPrevious={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
                    onNext={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
                    label={`Page ${query.page}`}
                  />
                </InlineStack>
              </BlockStack>
            );
          }}
        </ApiView>
        <EtaImportCard onImported={state.reload} />
      </BlockStack>
    </Page>
  );
}
