-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "customerFirstName" TEXT,
ADD COLUMN     "statusUrl" TEXT,
ADD COLUMN     "summaryDirtyAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Order_shopId_summaryDirtyAt_idx" ON "Order"("shopId", "summaryDirtyAt");

