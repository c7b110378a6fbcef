/**
 * One page of a restock wave in one statement (fill-restock-wave.ts runs it under the event's row
 * lock): the next `$6` ACTIVE subscribers of the variant after the keyset cursor ($3, $4) with no
 * ledger row for the event yet (key prefix $5), their ledger rows (one per channel: email to the
 * address, sms to the consented number; docs/sms.md), ON CONFLICT DO NOTHING on the idempotency
 * key, marked notified unless $10 (keep subscribed), counted on the event $7 (wave $8, time $9).
 * Its plan must walk the subscriber index in keyset order and stop after the page
 * (wave-page-plan.test.ts): quadratic in the audience otherwise.
 */
export const WAVE_PAGE_SQL = `with c as (
     select s.id, s.email, s.phone, s.locale, s."createdAt"
     from "Subscription" s
     where s."shopId" = $1 and s."variantId" = $2::bigint and s.status = 'ACTIVE'
       and (s."createdAt", s.id) > ($3::timestamp(3), $4::text)
       -- One equality per channel key, not IN (a, b): with an IN list PostgreSQL joins every
       -- remaining subscriber and sorts them for each page (quadratic in the audience); this way
       -- it walks the index in keyset order and stops after the page's rows.
       and not exists (select 1 from "Notification" n where n."idempotencyKey" = $5 || s.id)
       and not exists (select 1 from "Notification" n where n."idempotencyKey" = $5 || 'sms:' || s.id)
     order by s."createdAt", s.id
     limit $6
   ), ins as (
     insert into "Notification"
       (id, "shopId", kind, channel, "idempotencyKey", recipient, locale, "subscriptionId", "restockEventId", wave, "createdAt")
     select gen_random_uuid()::text, $1, 'restock', ch.channel, ch.key, ch.recipient, c.locale, c.id, $7, $8, $9::timestamp(3)
     from c cross join lateral (values ('email', $5 || c.id, c.email), ('sms', $5 || 'sms:' || c.id, c.phone))
       as ch(channel, key, recipient)
     where ch.recipient is not null
     on conflict ("idempotencyKey") do nothing
     returning id, channel, "subscriptionId"
   ), notified as (
     update "Subscription" s set status = 'NOTIFIED', "notifiedAt" = $9::timestamp(3), "activeKey" = null
     from c where s.id = c.id and s.status = 'ACTIVE' and not $10::boolean
   ), counted as (
     update "RestockEvent" set "notifiedCount" = "notifiedCount" + (select count(distinct "subscriptionId") from ins) where id = $7
   ), last as (
     select "createdAt"::text as at, id from c order by "createdAt" desc, id desc limit 1
   )
   -- Data-modifying CTEs run whether or not this select reads them.
   select array(select id from ins where channel = 'email') as ids,
          array(select id from ins where channel = 'sms') as sms_ids,
          (select count(distinct "subscriptionId") from ins)::int as count, (select count(*) from c)::int as found,
          (select at from last) as last_at, (select id from last) as last_id`;
