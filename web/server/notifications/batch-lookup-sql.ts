/**
 * The statements that look up a send batch's ledger rows by id. Each reads `Notification` one id at
 * a time through its primary key (a LATERAL subquery the planner cannot flatten), never through
 * the (shopId, status) index: right after a wave writes 100,000 PENDING rows, PostgreSQL's
 * statistics still describe the table before the wave (few or no PENDING rows), and with an
 * `id = any($1)` filter it chose to walk every PENDING row of the shop for each batch. That made a
 * 100,000-subscriber wave 20 times slower than a 20,000 one (docs/fanout-performance.md,
 * "Plans that do not trust statistics"); `test/alerts/batch-lookup-plan.test.ts` checks the plans.
 */

/** The batch's ids, each once, in id order (the order rows are claimed in). */
const BATCH_IDS = `(select distinct id from unnest($1::text[]) as u(id) order by id) v`;

/**
 * Claims up to $4 of the ids ($1) of shop $2: PENDING (and FAILED when $6), or SENDING whose claim
 * is older than $3 (its worker died); rows another transaction is claiming are skipped. Sets the
 * claim time $5. `returning` is appended by the caller.
 */
export const CLAIM_BY_ID_SQL = `with pick as (
       select n.id from ${BATCH_IDS}
       cross join lateral (
         select id from "Notification" n
         where n.id = v.id and n."shopId" = $2
           and (n.status = 'PENDING' or ($6::boolean and n.status = 'FAILED')
                or (n.status = 'SENDING' and n."claimedAt" < $3::timestamp(3)))
         for update skip locked
       ) n
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
       select status, "claimedAt" from "Notification" n
       where n.id = v.id and n."shopId" = $4
         and (n.status in ('PENDING', 'SENDING') or ($3::boolean and n.status = 'FAILED'))
       offset 0
     ) n`;

/** The (variant, locale) pairs the restock rows among the ids ($1) of shop $2 will be rendered in. */
export const WAVE_MESSAGE_KEYS_SQL = `select distinct s."variantId"::text as "variantId", n.locale
     from ${BATCH_IDS}
     cross join lateral (
       select "subscriptionId", locale from "Notification" n
       where n.id = v.id and n."shopId" = $2 and n.kind = 'restock'
         and n.status in ('PENDING', 'SENDING', 'FAILED')
       offset 0
     ) n
     join "Subscription" s on s.id = n."subscriptionId" and s."shopId" = $2`;

/**
 * Of the ids ($1) of shop $2, the emails still to send whose kind ($3) shows the order's discount
 * code, with their order (order-discount-state.ts holds them until the code exists). Most batches
 * (a restock wave's) hold none, and had to learn that by primary key too.
 */
export const DISCOUNT_HOLD_SQL = `select n.id, n."orderId"::text as "orderId"
     from ${BATCH_IDS}
     cross join lateral (
       select id, "orderId" from "Notification" n
       where n.id = v.id and n."shopId" = $2 and n.kind = any($3::text[]) and n."orderId" is not null
         and n.status in ('PENDING', 'SENDING', 'FAILED')
       offset 0
     ) n`;
