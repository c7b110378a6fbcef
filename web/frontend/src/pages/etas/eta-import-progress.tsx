import { useTranslation } from "react-i18next";
import { BlockStack, ProgressBar, Text } from "@shopify/polaris";
import { useFormats } from "../../format/use-formats.tsx";
import type { EtaImportResponse } from "../../../../contract/api-responses.ts";

/**
 * An import at work: the file being read, its rows being checked, then "12,000 of 20,000 rows"
 * written. Announced politely to screen readers as it moves.
 */
export function EtaImportProgress({ file, running }: { file: string; running: EtaImportResponse | null }) {
  const { t } = useTranslation();
  const f = useFormats();
  const total = running?.rows ?? null;
  const done = running?.rowsDone ?? 0;
  const line =
    total === null
      ? t("etaImport.reading", { file })
      : running?.status === "checking"
        ? t("etaImport.checking", { count: total, total: f.number(total) })
        : t("etaImport.progress", { count: total, done: f.number(done), total: f.number(total) });
  return (
    <div role="status" aria-live="polite" data-eta-import-progress>
      <BlockStack gap="100">
        <Text as="p" id="eta-import-progress-line">
          {line}
        </Text>
        <ProgressBar
          progress={total ? Math.round((done / total) * 100) : 0}
          size="small"
          ariaLabelledBy="eta-import-progress-line"
        />
        <Text as="p" tone="subdued">
          {t("etaImport.together")}
        </Text>
      </BlockStack>
    </div>
  );
}
