-- CreateIndex
CREATE INDEX "Notification_kind_status_sentAt_idx" ON "Notification"("kind", "status", "sentAt");
