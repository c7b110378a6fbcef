import { useTranslation } from "react-i18next";
import {
  BlockStack,
  Card,
  IndexTable,
  InlineStack,
  Pagination,
  useBreakpoints,
  useIndexResourceState,
} from "@shopify/polaris";
import { useState } from "react";
import { useApi, useApiClient } from "../../api/use-api.ts";
import { AppPage } from "../../app-bridge/app-page.tsx";
import { useDownload } from "../../components/csv-button.tsx";
import { ApiView, CardSkeleton, EmptyCard } from "../../components/page-states.tsx";
import { builtInQueryFromUrl } from "../../components/saved-views/use-view-tabs.ts";
import { urlNamesSavedView } from "../../components/saved-views/view-url.ts";
import {
  BACKORDER_VIEWS,
  BackorderFilters,
  useBackorderViews,
  useSearchInput,
} from "./backorder-filters.tsx";
import { BackorderHistoryModal } from "./backorder-history-modal.tsx";
import { BackorderTableRow } from "./backorder-table-row.tsx";
import { CancelRequestsCard } from "./cancel-requests-card.tsx";
import { useBackorderBulk } from "./use-backorder-bulk.tsx";
import type { BackorderPageResponse } from "../../../../contract/api-responses.ts";
import {
  backorderSearch,
  backorderPage,
  type BackorderQuery,
  type BackorderRow,
} from "./backorders-contract.ts";

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
  const { t } = useTranslation();
  const api = useApiClient();
  // The view the URL names (?view=overdue); a saved view's filters apply once the views load.
  const [query, setQuery] = useState<BackorderQuery>(() => ({
    ...builtInQueryFromUrl(BACKORDER_VIEWS),
    sort: "placedAt",
    direction: "desc",
    page: 1,
    pageSize: 25,
  }));
  // The product filter is set from a row ("only this product"): the API filters by product id.
  const [productLabel, setProductLabel] = useState("");
  const [historyRow, setHistoryRow] = useState<BackorderRow | null>(null);
  // A saved view in the URL: the rows load once its filters apply (no flash of another view's rows).
  const [opening, setOpening] = useState(() => urlNamesSavedView(BACKORDER_VIEWS));
  const state = useApi<BackorderPageResponse>(opening ? null : `/backorders?${backorderSearch(query)}`);
  const { smDown } = useBreakpoints();
  const [searchInput, setSearchInput] = useSearchInput(setQuery, query.search);
  const rows = state.data?.items ?? [];
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows.map((r) => ({ id: r.id })));
  const selectedIds = allResourcesSelected ? rows.map((r) => r.id) : selectedResources;
  const update = (patch: Partial<BackorderQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  const exportQuery = backorderSearch({ ...query, page: 1 });
  const exporting = useDownload();
  const bulk = useBackorderBulk({ query, selectedIds, clearSelection, reload: state.reload });
  const views = useBackorderViews(query, setQuery, [searchInput, setSearchInput], clearSelection, setOpening);
  // A saved view may open with a product filter: its rows name the product.
  const productName =
    productLabel || rows.find((r) => r.productId === query.product)?.productTitle || query.product;

  const filters = (
    <BackorderFilters
      views={views}
      query={query}
      searchInput={searchInput}
      onSearchInput={setSearchInput}
      productLabel={productName}
      update={update}
    />
  );
  return (
    <AppPage
      // Eight columns: the list takes the admin's full width, as Shopify's own order list does.
      fullWidth
      title={t("backorders.title")}
      subtitle={t("backorders.subtitle")}
      primaryAction={{
        content: t("backorders.export"),
        loading: exporting.busy,
        onAction: () => void exporting.download(`/backorders/export.csv?${exportQuery}`, "backorders.csv"),
      }}
    >
      <BlockStack gap="400">
        {/* Loaded again after a bulk action: it lists the new cancellation requests. */}
        <CancelRequestsCard key={bulk.runs} shop={api.shop} />
        <ApiView
          state={state}
          what={t("backorders.theBackorderList")}
          skeleton={<CardSkeleton lines={10} minHeight="420px" />}
        >
          {(body) => {
            const page = backorderPage(body);
            if (page.rows.length === 0 && query.page === 1) {
              return (
                <Card padding="0">
                  {filters}
                  <EmptyCard heading={t("backorders.noneMatch")}>
                    {query.search ? t("backorders.noneMatchSearch") : t("backorders.noneMatchBody")}
                  </EmptyCard>
                </Card>
              );
            }
            const sortIndex = SORTABLE.indexOf(query.sort);
            return (
              <Card padding="0">
                {filters}
                <IndexTable
                  resourceName={{
                    singular: t("backorders.lineSingular"),
                    plural: t("backorders.linePlural"),
                  }}
                  itemCount={page.rows.length}
                  condensed={smDown}
                  selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
                  onSelectionChange={handleSelectionChange}
                  promotedBulkActions={bulk.actions(page.rows)}
                  headings={[
                    { title: t("backorders.order") },
                    { title: t("backorders.customer") },
                    { title: t("common.variant") },
                    { title: t("backorders.backordered"), alignment: "end" },
                    { title: t("backorders.orderedAt") },
                    { title: t("etas.eta") },
                    { title: t("backorders.statusHeading") },
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
                      condensed={smDown}
                      row={row}
                      index={index}
                      shop={api.shop}
                      productFiltered={Boolean(query.product)}
                      onOnlyProduct={(product, title) => {
                        setProductLabel(title);
                        update({ product });
                      }}
                      onShowHistory={setHistoryRow}
                      selected={selectedResources.includes(row.id)}
                    />
                  ))}
                </IndexTable>
                <InlineStack align="center">
                  <Pagination
                    hasPrevious={query.page > 1}
                    hasNext={page.hasNext}
                    onPrevious={() => setQuery((q) => ({ ...q, page: q.page - 1 }))}
                    onNext={() => setQuery((q) => ({ ...q, page: q.page + 1 }))}
                    label={t("common.pageOf", {
                      page: query.page,
                      pages: Math.max(1, Math.ceil(page.total / query.pageSize)),
                    })}
                  />
                </InlineStack>
              </Card>
            );
          }}
        </ApiView>
      </BlockStack>
      {historyRow ? <BackorderHistoryModal row={historyRow} onClose={() => setHistoryRow(null)} /> : null}
      {bulk.modal}
    </AppPage>
  );
}
