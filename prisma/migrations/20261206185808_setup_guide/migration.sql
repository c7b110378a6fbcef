-- The dashboard's setup guide (docs/admin-setup-guide.md): steps the merchant marked done, and when
-- they dismissed the guide. Per shop; no personal data.
ALTER TABLE "Shop" ADD COLUMN "setupStepsDone" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "Shop" ADD COLUMN "setupDismissedAt" TIMESTAMP(3);

-- The initial sync's progress: variants stored of those the bulk operation returned.
ALTER TABLE "Shop" ADD COLUMN "syncTotal" INTEGER;
ALTER TABLE "Shop" ADD COLUMN "syncStored" INTEGER NOT NULL DEFAULT 0;
