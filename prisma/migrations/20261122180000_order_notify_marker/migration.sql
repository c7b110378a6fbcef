-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "notifyDirtyAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Order_notifyDirtyAt_idx" ON "Order"("notifyDirtyAt");

