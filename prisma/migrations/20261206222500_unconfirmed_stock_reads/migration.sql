-- AlterTable
ALTER TABLE "InventoryLevel" ADD COLUMN     "readUnconfirmedAt" TIMESTAMP(3),
ADD COLUMN     "webhookAt" TIMESTAMP(3),
ADD COLUMN     "webhookValues" INTEGER[] DEFAULT ARRAY[]::INTEGER[];
