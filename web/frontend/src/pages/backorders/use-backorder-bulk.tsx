import { useTranslation } from "react-i18next";
import { useState } from "react";
import { useApiClient } from "../../api/use-api.ts";
import { BulkActionModal, type BulkAction } from "./bulk-action-modal.tsx";
import { backorderSearch, type BackorderQuery, type BackorderRow } from "./backorders-contract.ts";

/**
 * The Backorders list's bulk actions on the selected lines: export the selection, resend the
 * backorder email, request cancellation (the last two confirm in BulkActionModal). `runs` counts
 * finished actions, for the parts of the page that list what they changed.
 */
export function useBackorderBulk({
  query,
  selectedIds,
  clearSelection,
  reload,
}: {
  query: BackorderQuery;
  selectedIds: string[];
  clearSelection: () => void;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const api = useApiClient();
  const [runs, setRuns] = useState(0);
  const [bulk, setBulk] = useState<{ action: BulkAction; rows: BackorderRow[] } | null>(null);
  const confirm = (action: BulkAction, rows: BackorderRow[]) => () =>
    setBulk({ action, rows: rows.filter((r) => selectedIds.includes(r.id)) });

  /** IndexTable's promoted bulk actions for the rows on the page. */
  const actions = (rows: BackorderRow[]) => [
    {
      content: t("backorders.exportSelection"),
      onAction: () =>
        void api
          .download(
            `/backorders/export.csv?${backorderSearch({ ...query, page: 1 })}&ids=${selectedIds.join(",")}`,
            "backorders-selection.csv",
          )
          .then(clearSelection),
    },
    { content: t("backorders.resendEmail"), onAction: confirm("resend", rows) },
    { content: t("backorders.requestCancellation"), onAction: confirm("cancel", rows) },
  ];

  const modal = bulk ? (
    <BulkActionModal
      action={bulk.action}
      rows={bulk.rows}
      onClose={() => setBulk(null)}
      onDone={() => {
        setBulk(null);
        setRuns((n) => n + 1);
        clearSelection();
        reload();
      }}
    />
  ) : null;

  return { runs, actions, modal };
}
