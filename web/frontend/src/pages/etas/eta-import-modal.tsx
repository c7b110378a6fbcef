import { Banner, BlockStack, DataTable, DropZone, Text } from "@shopify/polaris";
import { useState } from "react";
import { ApiError } from "../../api/api-client.ts";
import { errorMessage, useApiClient } from "../../api/use-api.ts";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import type { ImportReport } from "./etas-contract.ts";

/**
 * CSV import (variant_id, eta, message) with the server's per-row report, in a modal opened by the
 * ETAs page's "Import CSV" action.
 */
export function EtaImportModal({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const api = useApiClient();
  const [report, setReport] = useState<(ImportReport & { file: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const body = await api.request<ImportReport>("/etas/import", {
        method: "POST",
        rawBody: await file.text(),
        contentType: "text/csv",
      });
      setReport({ ...body, file: file.name });
      onImported();
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.body?.details) {
        setReport({ ...(e.body.details as ImportReport), file: file.name });
      } else {
        setError(
          e instanceof ApiError && e.isMissingRoute
            ? "CSV import is not available on this server yet."
            : errorMessage(e),
        );
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal
      title="Import ETAs from CSV"
      onClose={onClose}
      size="large"
      secondaryActions={[{ content: "Close", onAction: onClose, disabled: busy }]}
    >
      <AppModalSection>
        <BlockStack gap="300">
          <Text as="p" tone="subdued">
            Columns: variant_id or sku, eta (YYYY-MM-DD, empty to clear), message. All rows are checked first:
            one bad row and nothing is changed. Export CSV (on the page) first to get a filled-in file.
          </Text>
          <DropZone
            accept=".csv,text/csv"
            allowMultiple={false}
            type="file"
            label="CSV file"
            labelHidden
            disabled={busy}
            onDropAccepted={(files) => files[0] && void upload(files[0])}
          >
            <DropZone.FileUpload
              actionTitle={busy ? "Importing…" : "Add CSV file"}
              actionHint="or drop a .csv file"
            />
          </DropZone>
          {error ? (
            <Banner tone="critical" title="Import failed">
              <p>{error}</p>
            </Banner>
          ) : null}
          {report ? (
            <Banner
              tone={report.applied ? "success" : "critical"}
              title={
                report.applied
                  ? `${report.file}: ${report.updated} variant${report.updated === 1 ? "" : "s"} updated`
                  : `${report.file}: nothing was imported. Fix ${report.errors.length} row${report.errors.length === 1 ? "" : "s"} and import the file again`
              }
            >
              {report.errors.length ? (
                <DataTable
                  columnContentTypes={["numeric", "text", "text"]}
                  headings={["Row", "Column", "Problem"]}
                  rows={report.errors.map((e) => [e.row, e.column ?? "", e.message])}
                />
              ) : null}
            </Banner>
          ) : null}
          {report?.warnings.length ? (
            <Banner
              tone="warning"
              title={`${report.warnings.length} row${report.warnings.length === 1 ? " has" : "s have"} a date that has already passed`}
            >
              <DataTable
                columnContentTypes={["numeric", "text", "text"]}
                headings={["Row", "Column", "Warning"]}
                rows={report.warnings.map((w) => [w.row, w.column ?? "", w.message])}
              />
            </Banner>
          ) : null}
        </BlockStack>
      </AppModalSection>
    </AppModal>
  );
}
