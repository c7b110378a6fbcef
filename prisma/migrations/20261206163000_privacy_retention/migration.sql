-- Processed webhook bodies are kept this many days (docs/privacy.md), then blanked.
ALTER TABLE "ShopSettings" ADD COLUMN "webhookBodyRetentionDays" INTEGER NOT NULL DEFAULT 7;

-- When the body was blanked (retention or customers/redact); the row itself stays for the audit trail.
ALTER TABLE "WebhookEvent" ADD COLUMN "bodyPrunedAt" TIMESTAMP(3);

-- The prune job walks one shop's processed events by age.
CREATE INDEX "WebhookEvent_shopDomain_processedAt_idx" ON "WebhookEvent"("shopDomain", "processedAt");
