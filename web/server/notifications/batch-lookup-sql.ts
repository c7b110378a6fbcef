/**
 * The statements that look up a send batch's ledger rows by id. Each reads `Notification` one id at
 * a time through its primary key, never through an index on status: right after a wave writes
 * 100,000 PENDING rows, PostgreSQL's statistics still describe the table before the wave (few or no
 * open rows), and any condition on shop, kind or status offered the planner an index that looked
 * cheaper than the key, which then walked every open row of the wave (and every dead version of
 * them) for each id of each batch (docs/fanout-performance.md, "Plans that do not trust
 * statistics"). So the LATERAL subquery holds the id condition alone, behind `offset 0`, which
 * keeps the planner from flattening it or pushing the other conditions into it; they filter the
 * row it found. `test/alerts/batch-lookup-plan.test.ts` checks the plans.
 */

/** The batch's ids, each once, in id order (the order rows are claimed in). */
const BATCH_IDS = `(select distinct id from unnest($1::text[]) as u(id) order by id) v`;

/**
 * Claims up to $4 of the ids ($1) of shop $2: PENDING (and FAILED when $6), or SENDING whose claim
 * is older than $3 (its worker died); rows another transaction is claiming are skipped. Sets the
 * claim time $5. `returning` is appended by the caller. The row is locked before the conditions are
 * read (they are read on the locked, latest version); a row it locks and does not claim stays
 * locked only until the statement's commit.
 */
export const CLAIM_BY_ID_SQL = `with pick as (
       select n.id from ${BATCH_IDS}
       cross join lateral (
         select id, "shopId", status, "claimedAt" from "Notification" n
         where n.id = v.id
         offset 0
         for update skip locked
       ) n
       where n."shopId" = $2
         and (n.status = 'PENDING' or ($6::boolean and n.status = 'FAILED')
              or (n.status = 'SENDING' and n."claimedAt" < $3::timestamp(3)))
       limit $4
     )
     update "Notification" n
     set status = 'SENDING', "claimedAt" = $5::timestamp(3), attempts = n.attempts + 1
     from pick where n.id = pick.id`;

/** Of the ids ($1) of shop $4, how many are still to send, and when the earliest live claim ends ($2 ms lease). */
export const OPEN_ROWS_SQL = `select count(*) as open,
            min(extract(epoch from n."claimedAt") * 1000) filter (where n.status = 'SENDING') + $2::float8 as busy_until
     from ${BATCH_IDS}
     cross join lateral (
       select "shopId", status, "claimedAt" from "Notification" n where n.id = v.id offset 0
     ) n
     where n."shopId" = $4
       and (n.status in ('PENDING', 'SENDING') or ($3::boolean and n.status = 'FAILED'))`;

/**
 * The (variant, locale) pairs the restock rows among the ids ($1) of shop $2 will be rendered in.
 * The subscription is read by its key too: with the shop's condition beside it, the planner took
 * an index on (shopId, phone) and walked every subscription of the shop for each row.
 */
export const WAVE_MESSAGE_KEYS_SQL = `select distinct s."variantId"::text as "variantId", n.locale
     from ${BATCH_IDS}
     cross join lateral (
       select "shopId", kind, status, "subscriptionId", locale from "Notification" n
       where n.id = v.id offset 0
     ) n
     cross join lateral (
       select "shopId", "variantId" from "Subscription" s where s.id = n."subscriptionId" offset 0
     ) s
     where n."shopId" = $2 and n.kind = 'restock' and n.status in ('PENDING', 'SENDING', 'FAILED')
       and s."shopId" = $2`;

/**
 * Of the ids ($1) of shop $2, the emails still to send whose kind ($3) shows the order's discount
 * code, with their order (order-discount-state.ts holds them until the code exists). Most batches
 * (a restock wave's) hold none, and had to learn that by primary key too.
 */
export const DISCOUNT_HOLD_SQL = `select n.id, n."orderId"::text as "orderId"
     from ${BATCH_IDS}
     cross join lateral (
       select id, "shopId", kind, status, "orderId" from "Notification" n where n.id = v.id offset 0
     ) n
     where n."shopId" = $2 and n.kind = any($3::text[]) and n."orderId" is not null
       and n.status in ('PENDING', 'SENDING', 'FAILED')`;

/** The subscriptions of shop $1 among the ids ($2), each read by its key. */
export const BATCH_SUBSCRIPTIONS_SQL = `select s.id, s."shopId", s."variantId"::text as "variantId", s.email,
            s.status::text as status, s."activeKey", s.locale, s."marketingConsent",
            s."marketingConsentRequested", s."customerId"::text as "customerId", s."confirmToken",
            s."unsubscribeToken", s."createdAt"::text as "createdAt", s."confirmedAt"::text as "confirmedAt",
            s."notifiedAt"::text as "notifiedAt", s."unsubscribedAt"::text as "unsubscribedAt",
            s."renewedAt"::text as "renewedAt"
     from (select distinct id from unnest($2::text[]) as u(id)) v
     cross join lateral (select * from "Subscription" s where s.id = v.id offset 0) s
     where s."shopId" = $1`;
