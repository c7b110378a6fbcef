-- AlterTable
ALTER TABLE "ShopSettings" ADD COLUMN     "orderReconcileMinutes" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "OrderReconciliation" (
    "shopId" TEXT NOT NULL,
    "reconciledThrough" TIMESTAMP(3),
    "runId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "ordersRead" INTEGER NOT NULL DEFAULT 0,
    "ordersProcessed" INTEGER NOT NULL DEFAULT 0,
    "ordersRecovered" INTEGER NOT NULL DEFAULT 0,
    "queuedAt" TIMESTAMP(3) NOT NULL,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderReconciliation_pkey" PRIMARY KEY ("shopId")
);

-- AddForeignKey
ALTER TABLE "OrderReconciliation" ADD CONSTRAINT "OrderReconciliation_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

