import { useTranslation } from "react-i18next";
import { BlockStack, Card, InlineStack, Pagination } from "@shopify/polaris";
import { useState } from "react";
import { useApi } from "../../api/use-api.ts";
import { AppPage } from "../../app-bridge/app-page.tsx";
import { useDownload } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { SearchTabsFilters, useListSearch } from "../../components/search-tabs-filters.tsx";
import { useToast } from "../../components/toast.tsx";
import { CheckoutReachBanner } from "./checkout-reach-banner.tsx";
import { EtaImportModal } from "./eta-import-modal.tsx";
import { EtaTable } from "./eta-table.tsx";
import type { EtaPageResponse } from "../../../../contract/api-responses.ts";
import { etaPage, etaSearch, type EtaListQuery } from "./etas-contract.ts";

// The list's views; "no_eta" is the merchant's to-do list, linked from the setup guide (?view=no_eta).
const VIEWS = [
  { id: "all", content: "etas.view.all" },
  { id: "backordered", content: "etas.view.backordered" },
  { id: "no_eta", content: "etas.view.noEta" },
  { id: "overdue", content: "etas.view.overdue" },
] as const satisfies readonly { id: EtaListQuery["filter"]; content: `etas.view.${string}` }[];

function viewFromUrl(): EtaListQuery["filter"] {
  const view = new URLSearchParams(window.location.search).get("view");
  return VIEWS.find((v) => v.id === view)?.id ?? "all";
}
export default function EtasPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const [query, setQuery] = useState<EtaListQuery>(() => ({
    search: "",
    filter: viewFromUrl(),
    page: 1,
    pageSize: 50,
  }));
  const search = useListSearch((text) =>
    setQuery((q) => (q.search === text ? q : { ...q, search: text, page: 1 })),
  );
  const state = useApi<EtaPageResponse>(`/etas?${etaSearch(query)}`);
  const [importing, setImporting] = useState(false);
  const exporting = useDownload();
  const changed = (message: string) => {
    toast(message);
    state.reload();
  };
  const filters = (
    <SearchTabsFilters
      search={search}
      tabs={VIEWS.map((v) => ({ id: v.id, content: t(v.content) }))}
      selected={query.filter}
      onSelect={(id) =>
        setQuery((q) => ({ ...q, filter: VIEWS.find((v) => v.id === id)?.id ?? "all", page: 1 }))
      }
      placeholder={t("etas.searchByProductVariantOr")}
    />
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
