import { Trans, useTranslation } from "react-i18next";
import { Banner, List } from "@shopify/polaris";
import { useFormats } from "../../format/use-formats.tsx";
import type { LiquidError, LiquidWarning } from "./emails-contract.ts";
import { liquidErrorText } from "./liquid-error-text.ts";
import { PART_LABEL } from "./template-parts.ts";

/**
 * What is wrong with the template being edited, above its fields: Liquid errors (from the save or
 * the live check), unknown variables, and a preview that could not be made.
 */
export function TemplateProblems({
  errors,
  warnings,
  failure,
}: {
  errors: LiquidError[];
  warnings: LiquidWarning[];
  failure: string | null;
}) {
  const { t } = useTranslation();
  const f = useFormats();
  return (
    <>
      {errors.length ? (
        <Banner tone="critical" title={t("emails.liquidErrors")}>
          <List>
            {errors.map((e) => (
              <List.Item key={`${e.part}:${e.line}:${e.column}`}>
                {t("emails.errorIn", {
                  part: t(PART_LABEL[e.part]),
                  line: e.line,
                  column: e.column,
                  message: liquidErrorText(e, t, f),
                })}
              </List.Item>
            ))}
          </List>
        </Banner>
      ) : null}
      {warnings.length ? (
        <Banner tone="warning" title={t("emails.unknownVariables")}>
          <List>
            {warnings.map((w) => (
              <List.Item key={`${w.part}:${w.line}:${w.column}`}>
                <Trans
                  i18nKey="emails.unknownVariable"
                  values={{
                    part: t(PART_LABEL[w.part]),
                    line: w.line,
                    column: w.column,
                    variable: `{{ ${w.variable} }}`,
                  }}
                  components={{ code: <code /> }}
                />
              </List.Item>
            ))}
          </List>
        </Banner>
      ) : null}
      {failure ? (
        <Banner tone="warning" title={t("emails.previewUnavailable")}>
          <p>{failure}</p>
        </Banner>
      ) : null}
    </>
  );
}
