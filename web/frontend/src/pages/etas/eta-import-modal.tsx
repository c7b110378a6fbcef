import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
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
        setError(e instanceof ApiError && e.isMissingRoute ? t("etas.importUnavailable") : errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppModal
      title={t("etas.importTitle")}
      onClose={onClose}
      size="large"
      secondaryActions={[{ content: t("common.close"), onAction: onClose, disabled: busy }]}
    >
      <AppModalSection>
        <BlockStack gap="300">
          <Text as="p" tone="subdued">
            {t("etas.importHelpPage")}
          </Text>
          <DropZone
            accept=".csv,text/csv"
            allowMultiple={false}
            type="file"
            label={t("etas.csvFile")}
            labelHidden
            disabled={busy}
            onDropAccepted={(files) => files[0] && void upload(files[0])}
          >
            <DropZone.FileUpload
              actionTitle={busy ? t("etas.importing") : t("etas.addCsvFile")}
              actionHint={t("etas.dropHint")}
            />
          </DropZone>
          {error ? (
            <Banner tone="critical" title={t("etas.importFailed")}>
              <p>{error}</p>
            </Banner>
          ) : null}
          {report ? (
            <Banner
              tone={report.applied ? "success" : "critical"}
              title={
                report.applied
                  ? t("etas.importUpdated", { file: report.file, count: report.updated, n: report.updated })
                  : t("etas.importRefused", {
                      file: report.file,
                      count: report.errors.length,
                      n: report.errors.length,
                    })
              }
            >
              {report.errors.length ? (
                <DataTable
                  columnContentTypes={["numeric", "text", "text"]}
                  headings={[t("etas.row"), t("etas.column"), t("etas.problem")]}
                  rows={report.errors.map((e) => [e.row, e.column ?? "", e.message])}
                />
              ) : null}
            </Banner>
          ) : null}
          {report?.warnings.length ? (
            <Banner
              tone="warning"
              title={t("etas.pastRows", { count: report.warnings.length, n: report.warnings.length })}
            >
              <DataTable
                columnContentTypes={["numeric", "text", "text"]}
                headings={[t("etas.row"), t("etas.column"), t("etas.warning")]}
                rows={report.warnings.map((w) => [w.row, w.column ?? "", w.message])}
              />
            </Banner>
          ) : null}
        </BlockStack>
      </AppModalSection>
    </AppModal>
  );
}
