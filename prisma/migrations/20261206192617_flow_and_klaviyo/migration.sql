-- CreateTable
CREATE TABLE "FlowTriggerState" (
    "shopId" TEXT NOT NULL,
    "handle" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FlowTriggerState_pkey" PRIMARY KEY ("shopId","handle")
);

-- CreateTable
CREATE TABLE "IntegrationSend" (
    "eventId" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "shopId" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "IntegrationSend_pkey" PRIMARY KEY ("eventId","target")
);

-- CreateTable
CREATE TABLE "KlaviyoSettings" (
    "shopId" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KlaviyoSettings_pkey" PRIMARY KEY ("shopId")
);

-- CreateIndex
CREATE INDEX "IntegrationSend_shopId_createdAt_idx" ON "IntegrationSend"("shopId", "createdAt");

-- AddForeignKey
ALTER TABLE "FlowTriggerState" ADD CONSTRAINT "FlowTriggerState_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationSend" ADD CONSTRAINT "IntegrationSend_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "IntegrationEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KlaviyoSettings" ADD CONSTRAINT "KlaviyoSettings_shopId_fkey" FOREIGN KEY ("shopId") REFERENCES "Shop"("id") ON DELETE CASCADE ON UPDATE CASCADE;

