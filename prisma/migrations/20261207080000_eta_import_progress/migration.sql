-- CreateTable
CREATE TABLE "EtaImport" (
    "id" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "requestKey" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'checking',
    "rows" INTEGER,
    "rowsDone" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EtaImport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EtaImport_shopId_requestKey_key" ON "EtaImport"("shopId", "requestKey");

-- CreateIndex
CREATE INDEX "EtaImport_shopId_createdAt_idx" ON "EtaImport"("shopId", "createdAt");
