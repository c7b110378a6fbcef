-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "alertExpiryDays" INTEGER NOT NULL DEFAULT 180,
ADD COLUMN     "renewalEmailEnabled" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "reminderAfterHours" INTEGER;

-- AlterTable
ALTER TABLE "Subscription" ADD COLUMN     "renewedAt" TIMESTAMP(3);
