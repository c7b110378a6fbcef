import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logFindings } from "./support/fault-checks.ts";
import { reportFaultRow } from "./support/fault-row.ts";
import { signUp } from "./support/proxy-request.ts";
import { startFaultStack, type FaultStack, type StackShop } from "./support/start-fault-stack.ts";
import { waitFor } from "../helpers/wait-for.ts";

let stack: FaultStack;
let shop: StackShop;
const variants: bigint[] = [];
beforeAll(async () => {
  stack = await startFaultStack({ name: "smtp", workers: 1 });
  shop = await stack.installShop("Smtp Shop", (s) => {
    for (const title of ["Kettle", "Teapot"]) {
      const created = stack.sim.createProduct(s.domain, {
        title,
        variants: [{ title: "Default Title", price: "30.00", inventoryPolicy: "DENY", inventory: 0 }],
      });
      variants.push(created.variants[0]!.id);
    }
  });
});
afterAll(() => stack?.close());

/** A storefront signup: the double opt-in email is the message under test. */
async function confirmationTo(email: string, variant = variants[0]!) {
  const res = await signUp(
    stack.webUrl,
    shop.domain,
    { email, variant_id: String(variant) },
    `198.51.100.${variants.indexOf(variant) + 1}`,
  );
  expect(res.status).toBe(201);
}

const ledger = (email: string) =>
  stack.db.notification.findMany({
    where: { shopId: shop.id, recipient: email },
    orderBy: { createdAt: "asc" },
  });
const settled = (email: string, count = 1) =>
  waitFor(
    async () => {
      const rows = await ledger(email);
      return rows.length >= count && rows.every((r) => ["SENT", "FAILED", "SUPPRESSED"].includes(r.status))
        ? rows
        : null;
    },
    60_000,
    100,
  );

describe("SMTP faults", () => {
  it("421 then 451 then success: sent once", async ({ task }) => {
    stack.smtp.script("busy@example.com", [{ rcpt: 421 }, { rcpt: 451 }]);
    await confirmationTo("busy@example.com");
    const [row] = await settled("busy@example.com");
    await stack.settle();
    reportFaultRow(task, {
      test: "4a SMTP 421, 451, then 250",
      events: 1,
      lost: 0,
      duplicates: stack.smtp.countTo("busy@example.com") - 1,
      fiveXx: 0,
      note: `${stack.smtp.rcptAttempts("busy@example.com")} RCPT attempts, ledger ${row!.status} after ${row!.attempts} claims`,
    });
    expect(row!.status).toBe("SENT");
    expect(stack.smtp.rcptAttempts("busy@example.com")).toBe(3);
    expect(stack.smtp.countTo("busy@example.com")).toBe(1);
  });

  it("550: FAILED, the address suppressed, nothing sent to it again", async ({ task }) => {
    stack.smtp.alwaysReply("gone@example.com", 550);
    await confirmationTo("gone@example.com");
    const [row] = await settled("gone@example.com");
    expect(row!.status).toBe("FAILED");
    const suppression = await stack.db.suppression.findUnique({
      where: { shopId_email: { shopId: shop.id, email: "gone@example.com" } },
    });
    expect(suppression?.reason).toBe("bounced");
    // A later email to the address is suppressed before any SMTP attempt.
    await confirmationTo("gone@example.com", variants[1]!);
    const rows = await settled("gone@example.com", 2);
    await stack.settle();
    reportFaultRow(task, {
      test: "4b SMTP 550",
      events: 2,
      lost: 0,
      duplicates: 0,
      fiveXx: 0,
      note: `ledger ${rows.map((r) => r.status).join(", ")}; suppression ${suppression?.reason}; ${stack.smtp.rcptAttempts("gone@example.com")} RCPT attempt(s)`,
    });
    expect(rows.map((r) => r.status)).toEqual(["FAILED", "SUPPRESSED"]);
    expect(stack.smtp.rcptAttempts("gone@example.com")).toBe(1);
    expect(stack.smtp.countTo("gone@example.com")).toBe(0);
  });

  it("connection dropped after DATA: retried; the mailbox gets it twice with one Message-ID (documented risk)", async ({
    task,
  }) => {
    stack.smtp.script("dropped@example.com", [{ dropAfterData: true }]);
    await confirmationTo("dropped@example.com");
    await waitFor(async () => (stack.smtp.countTo("dropped@example.com") >= 2 ? true : null), 60_000, 100);
    const [row] = await settled("dropped@example.com");
    await stack.settle();
    const received = stack.smtp.messages.filter((m) => m.to.includes("dropped@example.com"));
    reportFaultRow(task, {
      test: "4c SMTP drop after DATA",
      events: 1,
      lost: 0,
      duplicates: received.length - 1,
      fiveXx: 0,
      note: "expected: the server had the message when the link dropped; the retry resends it with the same Message-ID so receivers can dedupe",
    });
    expect(row!.status).toBe("SENT");
    expect(received.map((m) => m.acknowledged)).toEqual([false, true]);
    expect(new Set(received.map((m) => m.messageId)).size).toBe(1);
    expect(row!.messageId).toBe(received[0]!.messageId);
  });
  it("captured logs carry no secret, token or full email address", () => {
    expect(logFindings(stack)).toEqual([]);
  });
});
