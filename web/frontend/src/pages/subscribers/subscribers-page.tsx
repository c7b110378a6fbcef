import { Card, InlineStack, Page, Pagination, type IndexFiltersProps } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { CsvButton } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { SearchTabsFilters, useListSearch } from "../../components/search-tabs-filters.tsx";
import { useToast } from "../../components/toast.tsx";
import { DemandTable } from "./demand-table.tsx";
import type { DemandResponse } from "../../../../contract/api-responses.ts";
import {
  demandPath,
  type DemandQuery,
  type DemandRow,
  type DemandSortName,
  type DemandViewName,
} from "./subscribers-contract.ts";
import { SubscribersModal } from "./subscribers-modal.tsx";

const TABS: { id: DemandViewName; content: string }[] = [
  { id: "waiting", content: "Waiting" },
  { id: "notified", content: "Alerted" },
  { id: "all", content: "All" },
];
const SORTS: NonNullable<IndexFiltersProps["sortOptions"]> = [
  { label: "Waiting", value: "waiting desc", directionLabel: "Most first" },
  { label: "Last alert", value: "recent desc", directionLabel: "Newest first" },
  { label: "Product", value: "product asc", directionLabel: "A–Z" },
];

export default function SubscribersPage() {
  const toast = useToast();
  const [query, setQuery] = useState<Omit<DemandQuery, "cursor">>({
    view: "waiting",
    sort: "waiting",
    query: "",
  });
  // Keyset pages: the cursors of the pages before, so Previous goes back exactly.
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const state = useApi<DemandResponse>(demandPath({ ...query, cursor: cursors.at(-1) ?? null }));
  const [open, setOpen] = useState<DemandRow | null>(null);
  const update = (patch: Partial<typeof query>) => {
    setCursors([null]);
    setQuery((q) => ({ ...q, ...patch }));
  };
  const search = useListSearch((text) => {
    if (text !== query.query) update({ query: text });
  });
  const filters = (
    <SearchTabsFilters
      search={search}
      tabs={TABS}
      selected={query.view}
      onSelect={(id) => update({ view: id as DemandViewName })}
      placeholder="Search by product, SKU or subscriber email"
      sortOptions={SORTS}
      sortSelected={SORTS.find((s) => s.value.startsWith(`${query.sort} `))?.value}
      onSort={(value) => update({ sort: (value.split(" ")[0] ?? "waiting") as DemandSortName })}
    />
  );

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
        {(body) => (
          <Card padding="0">
            {filters}
            {body.variants.length === 0 ? (
              <EmptyCard heading={query.query ? "No variants match" : "No subscribers here yet"}>
                {query.query
                  ? "Try another search, or the All tab: alerted subscribers are under Alerted."
                  : query.view === "notified"
                    ? "Variants whose subscribers were sent a back-in-stock email appear here."
                    : "Shoppers who ask to be told when a sold-out variant is back appear here."}
              </EmptyCard>
            ) : (
              <DemandTable rows={body.variants} onOpen={setOpen} />
            )}
            {cursors.length > 1 || body.nextCursor ? (
              <InlineStack align="center">
                <Pagination
                  hasPrevious={cursors.length > 1}
                  hasNext={body.nextCursor !== null}
                  onPrevious={() => setCursors((c) => c.slice(0, -1))}
                  onNext={() => body.nextCursor && setCursors((c) => [...c, body.nextCursor])}
                  label={`Page ${cursors.length}`}
                />
              </InlineStack>
            ) : null}
          </Card>
        )}
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
