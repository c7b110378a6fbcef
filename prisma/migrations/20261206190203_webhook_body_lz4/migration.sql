-- Webhook bodies (orders of ~15 KB) are TOASTed: lz4 compresses them several times faster than
-- the default pglz, which is what the ingress hot path pays per row (docs/ingress-performance.md).
-- Only where the server was built with lz4; elsewhere the column keeps the server's default.
DO $$
BEGIN
  ALTER TABLE "WebhookEvent" ALTER COLUMN "body" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  RAISE NOTICE 'lz4 is not available on this server: WebhookEvent.body keeps the default compression';
END
$$;
