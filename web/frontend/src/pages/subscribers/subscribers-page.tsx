import { useTranslation } from "react-i18next";
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

export default function SubscribersPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const TABS: { id: DemandViewName; content: string }[] = [
    { id: "waiting", content: t("subscribers.status.active") },
    { id: "notified", content: t("subscribers.status.notified") },
    { id: "all", content: t("subscribers.all") },
  ];
  const SORTS: NonNullable<IndexFiltersProps["sortOptions"]> = [
    {
      label: t("subscribers.status.active"),
      value: "waiting desc",
      directionLabel: t("subscribers.mostFirst"),
    },
    { label: t("subscribers.lastAlert"), value: "recent desc", directionLabel: t("subscribers.newestFirst") },
    { label: t("subscribers.product"), value: "product asc", directionLabel: t("subscribers.aToZ") },
  ];
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
      placeholder={t("subscribers.searchByProductSkuOr")}
      sortOptions={SORTS}
      sortSelected={SORTS.find((s) => s.value.startsWith(`${query.sort} `))?.value}
      onSort={(value) => update({ sort: (value.split(" ")[0] ?? "waiting") as DemandSortName })}
    />
  );

  return (
    <Page
      title={t("subscribers.title")}
      subtitle={t("subscribers.subtitle")}
      secondaryActions={
        <>
          <CsvButton path="/subscriptions/export.csv" filename="subscribers.csv">
            {t("subscribers.exportSubscribers")}
          </CsvButton>{" "}
          <CsvButton path="/subscriptions/purchasing.csv" filename="purchasing.csv">
            {t("subscribers.purchasingExport")}
          </CsvButton>
        </>
      }
    >
      <ApiView
        state={state}
        what={t("dashboard.subscriberDemand")}
        skeleton={<CardSkeleton lines={10} minHeight="420px" />}
      >
        {(body) => (
          <Card padding="0">
            {filters}
            {body.variants.length === 0 ? (
              <EmptyCard heading={query.query ? t("subscribers.noMatch") : t("subscribers.noneYet")}>
                {query.query
                  ? t("subscribers.noMatchBody")
                  : query.view === "notified"
                    ? t("subscribers.noneAlertedBody")
                    : t("subscribers.noneYetBody")}
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
                  label={t("common.page", { page: cursors.length })}
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
