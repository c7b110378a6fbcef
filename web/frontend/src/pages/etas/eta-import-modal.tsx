import { useTranslation } from "react-i18next";
import { Banner, BlockStack, DataTable, DropZone, Text } from "@shopify/polaris";
import { AppModal, AppModalSection } from "../../app-bridge/app-modal.tsx";
import { useFormats } from "../../format/use-formats.tsx";
import { EtaImportProgress } from "./eta-import-progress.tsx";
import { useEtaImport } from "./use-eta-import.ts";

/**
 * CSV import (variant_id, eta, message) with its progress by rows while the server works, then the
 * server's per-row report, in a modal opened by the ETAs page's "Import CSV" action.
 */
export function EtaImportModal({ onImported, onClose }: { onImported: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const f = useFormats();
  const { file, running, report, error, busy, upload } = useEtaImport(onImported);

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
          {busy && file ? <EtaImportProgress file={file} running={running} /> : null}
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
                  ? t("etas.importUpdated", { file, count: report.updated, n: f.number(report.updated) })
                  : t("etas.importRefused", {
                      file,
                      count: report.errors.length,
                      n: f.number(report.errors.length),
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
              title={t("etas.pastRows", {
                count: report.warnings.length,
                n: f.number(report.warnings.length),
              })}
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
