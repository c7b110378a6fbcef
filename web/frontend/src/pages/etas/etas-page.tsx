import { useTranslation } from "react-i18next";
import { BlockStack, Card, InlineStack, Pagination } from "@shopify/polaris";
import { useCallback, useMemo, useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { AppPage } from "../../app-bridge/app-page.tsx";
import { useDownload } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { SearchTabsFilters, useListSearch } from "../../components/search-tabs-filters.tsx";
import { builtInQueryFromUrl, useViewTabs } from "../../components/saved-views/use-view-tabs.ts";
import { urlNamesSavedView } from "../../components/saved-views/view-url.ts";
import { useToast } from "../../components/toast.tsx";
import { CheckoutReachBanner } from "./checkout-reach-banner.tsx";
import { EtaImportModal } from "./eta-import-modal.tsx";
import { EtaTable } from "./eta-table.tsx";
import type { EtaPageResponse } from "../../../../contract/api-responses.ts";
import { etaPage, etaSearch, type EtaListQuery, type EtaViewQuery } from "./etas-contract.ts";

// The built-in views; "no_eta" is the merchant's to-do list, linked from the setup guide (?view=no_eta).
const VIEWS = [
  { id: "all", content: "etas.view.all" },
  { id: "backordered", content: "etas.view.backordered" },
  { id: "no_eta", content: "etas.view.noEta" },
  { id: "overdue", content: "etas.view.overdue" },
] as const satisfies readonly { id: EtaListQuery["filter"]; content: `etas.view.${string}` }[];
const BUILT_IN = VIEWS.map((v) => ({ id: v.id, query: { filter: v.id, search: "" } as EtaViewQuery }));

export default function EtasPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [query, setQuery] = useState<EtaListQuery>(() => ({
    ...builtInQueryFromUrl(BUILT_IN),
    page: 1,
    pageSize: 50,
  }));
  const search = useListSearch((text) =>
    setQuery((q) => (q.search === text ? q : { ...q, search: text, page: 1 })),
  );
  // A saved view in the URL: the rows load once its filters apply.
  const [opening, setOpening] = useState(() => urlNamesSavedView(BUILT_IN));
  const state = useApi<EtaPageResponse>(opening ? null : `/etas?${etaSearch(query)}`);
  const [importing, setImporting] = useState(false);
  const exporting = useDownload();
  const changed = (message: string) => {
    toast(message);
    state.reload();
  };
  const { setInput } = search;
  const views = useViewTabs({
    list: "etas",
    builtIns: useMemo(() => BUILT_IN.map((v, i) => ({ ...v, label: t(VIEWS[i]!.content) })), [t]),
    current: { filter: query.filter, search: search.input },
    apply: useCallback(
      (view: EtaViewQuery) => {
        setInput(view.search);
        setQuery((q) => ({ ...q, ...view, page: 1 }));
      },
      [setInput],
    ),
    onOpened: useCallback(() => setOpening(false), []),
  });
  const filters = (
    <SearchTabsFilters search={search} views={views} placeholder={t("etas.searchByProductVariantOr")} />
  );
  return (
    <AppPage
      title={t("etas.title")}
      subtitle={t("etas.subtitle")}
      primaryAction={{ content: t("etas.importCsv"), onAction: () => setImporting(true) }}
      secondaryActions={[
        {
          content: t("backorders.exportCsv"),
          loading: exporting.busy,
          onAction: () => void exporting.download("/etas/export.csv", "etas.csv"),
        },
      ]}
    >
      <BlockStack gap="400">
        <CheckoutReachBanner />
        <ApiView
          state={state}
          what={t("etas.theEtaList")}
          skeleton={<CardSkeleton lines={10} minHeight="420px" />}
        >
          {(body) => {
            const page = etaPage(body);
            if (page.rows.length === 0 && query.page === 1)
              return (
                <Card padding="0">
                  {filters}
                  <EmptyCard
                    heading={query.filter === "no_eta" ? t("setup.etasDone") : t("subscribers.noMatch")}
                  >
                    {query.filter === "all" && !query.search ? t("etas.emptyBody") : t("etas.emptySearch")}
                  </EmptyCard>
                </Card>
              );
            return (
              <BlockStack gap="200">
                <EtaTable
                  key={`${query.page}-${query.filter}`}
                  rows={page.rows}
                  today={page.today}
                  onChanged={changed}
                  filters={filters}
                />
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={query.page > 1}
                    hasNext={page.hasNext}
                    onPrevious={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
                    onNext={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
                    label={t("common.page", { page: query.page })}
                  />
                </InlineStack>
              </BlockStack>
            );
          }}
        </ApiView>
      </BlockStack>
      {importing ? <EtaImportModal onImported={state.reload} onClose={() => setImporting(false)} /> : null}
    </AppPage>
  );
}
