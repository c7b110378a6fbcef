import { describe, expect, it } from "vitest";
import { screenshot, useLoggedInSession, visit } from "./helpers/admin-browser-session.ts";

/**
 * Backorders' bulk actions beside "Export selection": each asks first in a modal saying how many
 * lines and customers, acts once however often its button is clicked, and reports in a toast.
 */
describe("bulk actions on the Backorders page", { timeout: 90_000 }, () => {
  const session = useLoggedInSession();

  const line = (order: string, text: string) =>
    session.page.locator(".Polaris-IndexTable tbody tr").filter({ hasText: order }).filter({ hasText: text });

  it("resends the backorder email to the selected lines' customers, once for a double click", async () => {
    await visit(session.page, "Backorders", "Backorders");
    await line("#1001", "Forest green / M").waitFor();
    await line("#1001", "Forest green / M").getByRole("checkbox").check({ force: true });
    await line("#1002", "Forest green / M").getByRole("checkbox").check({ force: true });
    await session.page.getByRole("button", { name: "Resend backorder email" }).click();
    const dialog = session.page.getByRole("dialog", { name: "Resend backorder email" });
    await dialog.getByText("2 customers will get their backorder email again, listing 2 lines").waitFor();
    await screenshot(session.page, "2-backorders-bulk-resend");
    await dialog.getByRole("button", { name: "Resend email" }).dblclick();
    await session.page.getByText("Backorder email resent to 2 customers").waitFor();
    await expect.poll(() => session.page.getByRole("dialog").count()).toBe(0);
    const resent = await session.app.deps.db.notification.findMany({
      where: { shopId: session.shopId, idempotencyKey: { startsWith: "backorder_confirmation:resend:" } },
      select: { recipient: true },
      orderBy: { recipient: "asc" },
    });
    expect(resent.map((n) => n.recipient)).toEqual(["camille@example.com", "lena@example.com"]);
  });

  it("requests cancellation of a selected line, shown in Cancel requests", async () => {
    await line("#1002", "Forest green / M").getByRole("checkbox").check({ force: true });
    await session.page.getByRole("button", { name: "Request cancellation" }).click();
    const dialog = session.page.getByRole("dialog", { name: "Request cancellation" });
    await dialog.getByText("A cancellation request is recorded for 1 line (1 customer)").waitFor();
    await dialog.getByRole("button", { name: "Request cancellation" }).click();
    await session.page.getByText("Cancellation requested for 1 line in 1 order").waitFor();
    const requests = await session.app.deps.db.cancelRequest.findMany({
      where: { shopId: session.shopId, tokenDigest: { not: "" }, status: "REQUESTED" },
    });
    expect(requests.some((r) => r.lineItemIds.length === 1)).toBe(true);
    await session.page
      .getByRole("row")
      .filter({ hasText: "#1002" })
      .filter({ hasText: "Mark done" })
      .first()
      .waitFor();
  });
});
