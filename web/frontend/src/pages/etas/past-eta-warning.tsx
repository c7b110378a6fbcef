import { Banner } from "@shopify/polaris";

/**
 * Shown while the merchant picks a date before the shop's today: it can be saved, but shoppers and
 * customers are never shown a date that has passed, so they would see none.
 */
export function PastEtaWarning({ eta, today }: { eta: string; today: string }) {
  if (!eta || eta >= today) return null;
  return (
    <Banner tone="warning" title="This date has already passed">
      <p>
        Shoppers and customers never see a past date: product pages, checkout and emails will show no date for
        this variant (“Backordered”, “to be confirmed”) until you set one from today on.
      </p>
    </Banner>
  );
}
