-- CreateTable
CREATE TABLE "SavedView" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "list" TEXT NOT NULL,
    "name" VARCHAR(40) NOT NULL,
    "nameKey" TEXT NOT NULL,
    "query" JSONB NOT NULL,
    "position" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedView_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SavedView_shopId_list_nameKey_key" ON "SavedView"("shopId", "list", "nameKey");

-- CreateIndex
CREATE INDEX "SavedView_shopId_list_position_idx" ON "SavedView"("shopId", "list", "position");

-- AddForeignKey
ALTER TABLE "SavedView" ADD CONSTRAINT "SavedView_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;
