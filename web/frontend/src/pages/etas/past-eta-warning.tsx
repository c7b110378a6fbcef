import { useTranslation } from "react-i18next";
import { Banner } from "@shopify/polaris";

/**
 * Shown while the merchant picks a date before the shop's today: it can be saved, but shoppers and
 * customers are never shown a date that has passed, so they would see none.
 */
export function PastEtaWarning({ eta, today }: { eta: string; today: string }) {
  const { t } = useTranslation();
  if (!eta || eta >= today) return null;
  return (
    <Banner tone="warning" title={t("etas.pastTitle")}>
      <p>{t("etas.pastBody")}</p>
    </Banner>
  );
}
