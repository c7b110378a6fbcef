-- Marketing consent counts only once the address owner confirms the double opt-in: what the signup
-- form asked for waits in "marketingConsentRequested" until then.
ALTER TABLE "Subscription" ADD COLUMN "marketingConsentRequested" BOOLEAN NOT NULL DEFAULT false;

-- Subscriptions never confirmed keep the request, not the consent.
UPDATE "Subscription"
SET "marketingConsentRequested" = "marketingConsent", "marketingConsent" = false
WHERE "confirmedAt" IS NULL;
