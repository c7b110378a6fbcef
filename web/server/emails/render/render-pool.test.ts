import { afterAll, describe, expect, it } from "vitest";
import { getSampleContext } from "../templates/sample-contexts.ts";
import { RenderPoolBusyError, TemplateRenderError } from "./render-failure.ts";
import { createRenderPool, defaultRef, overrideRef } from "./render-pool.ts";

// Within the memory limit, but nine hundred thousand loop steps: only the time budget stops it.
// About 3.5 s unbounded on a quiet machine (the empty loop took 190 ms: under the budget there), and
// no more memory than a short loop.
const SLOW_LOOP =
  "{% for i in (1..3000) %}{% for j in (1..300) %}{% assign x = j | plus: i | times: 3 | modulo: 7 %}{% endfor %}{% endfor %}";
// One filter call liquidjs cannot interrupt between steps: only terminating the thread stops it.
// (A sort and a sum over 450,000 property lookups in one output: about a second, within the memory limit.)
const UNINTERRUPTIBLE = '{% assign a = (1..450000) %}{{ a | sort: "length" | sum: "x.y" }}';
const restock = getSampleContext("restock", "en");

/** Ticks of a 10 ms timer while `work` runs: a blocked event loop would count none. */
async function ticksDuring<T>(work: Promise<T>): Promise<{ result: T; ticks: number }> {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 10);
  try {
    return { result: await work, ticks };
  } finally {
    clearInterval(timer);
  }
}

// Threads at the process's own priority here: these tests check the budget and the watchdog, and a
// nice thread on a busy machine could wait longer than the short limits they use.
describe("render pool", () => {
  const pool = createRenderPool({ threads: 1, niceIncrement: 0 });
  afterAll(() => pool.close());

  it("stops a slow template at its budget, off the event loop, as a 'too slow' error of its part", async () => {
    await pool.validate({ subject: "warm", html: "up", text: "." });
    const started = performance.now();
    const { result, ticks } = await ticksDuring(
      pool.validate({ subject: "Hi", html: `<p>\n${SLOW_LOOP}</p>`, text: "t" }, "restock"),
    );
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          part: "html",
          line: 2,
          column: expect.any(Number),
          message: expect.stringMatching(/^Too slow/),
          sentence: { key: "tooSlow", values: { ms: pool.budgetMs } },
        },
      ],
      warnings: [],
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(pool.budgetMs);
    // A render on the event loop would let no 10 ms tick through; a loaded machine still lets a few.
    expect(ticks).toBeGreaterThanOrEqual(3);
  });

  it("stops the nested loop of the security review, whichever limit it reaches first", async () => {
    const nested = "{% for i in (1..3000) %}{% for j in (1..3000) %}{{ i }}{% endfor %}{% endfor %}";
    const result = await pool.validate({ subject: "Hi", html: nested, text: "t" }, "restock");
    expect(result).toMatchObject({
      ok: false,
      errors: [{ part: "html", message: expect.stringMatching(/^Too (slow|large)/) }],
    });
  });

  it("answers 'too large' for a range over the memory limit", async () => {
    const result = await pool.validate({ subject: "Hi", html: "{{ (1..2000000) | size }}", text: "t" });
    expect(result).toMatchObject({
      ok: false,
      errors: [{ part: "html", message: expect.stringMatching(/^Too large/) }],
    });
  });

  it("renders each context of a batch with its own data", async () => {
    const urls = Array.from({ length: 70 }, (_, i) => `https://app.example/unsubscribe/t${i}`);
    const emails = await Promise.all(
      urls.map((url) => pool.render(defaultRef("restock", "en"), { ...restock, unsubscribe_url: url })),
    );
    emails.forEach((email, i) => {
      expect(email.html).toContain(urls[i]);
      expect(email.text).toContain(urls[i]);
      expect(email.html).not.toContain(`${urls[i]}0`);
    });
  });

  it("terminates a thread still running after its budget, and renders the rest of the batch", async () => {
    // A budget well above a plain render and well below the uninterruptible filter (about a second).
    const pool = createRenderPool({ threads: 1, niceIncrement: 0, budgetMs: 300, killGraceMs: 100 });
    try {
      const template = overrideRef("restock", "en", {
        subject: "{{ variant.product_title }}",
        html: `{% if slow %}${UNINTERRUPTIBLE}{% endif %}<p>{{ recipient.email }}</p>`,
        text: "{{ recipient.email }}",
      });
      const contexts = ["a", "b", "slow", "c"].map((name) => ({
        ...restock,
        slow: name === "slow",
        recipient: { email: `${name}@example.com` },
      }));
      await pool.render(defaultRef("restock", "en"), restock);
      const results = await Promise.allSettled(contexts.map((context) => pool.render(template, context)));
      expect(pool.killedThreads).toBe(1);
      const slow = results[2]!;
      expect(slow.status === "rejected" && slow.reason).toBeInstanceOf(TemplateRenderError);
      expect(slow.status === "rejected" && (slow.reason as TemplateRenderError).failure).toMatchObject({
        code: "too_slow",
        part: "html",
      });
      for (const i of [0, 1, 3]) {
        const result = results[i]!;
        expect(result.status === "fulfilled" && result.value.text).toContain(contexts[i]!.recipient.email);
      }
      // A fresh thread takes over.
      expect((await pool.render(defaultRef("restock", "en"), restock)).subject).toContain("Merino");
    } finally {
      await pool.close();
    }
  });

  it("gives up as busy when no thread is free in time", async () => {
    // The wait (1 s) is long enough for the slow render to start on a loaded machine, and short
    // against the slow loop (about 3.5 s), which holds the only thread.
    const pool = createRenderPool({ threads: 1, niceIncrement: 0, budgetMs: 60_000, queueWaitMs: 1_000 });
    try {
      await pool.validate({ subject: "warm", html: "up", text: "." });
      const slow = pool.validate({ subject: "s", html: SLOW_LOOP, text: "t" });
      await expect(pool.validate({ subject: "s", html: "fine", text: "t" })).rejects.toBeInstanceOf(
        RenderPoolBusyError,
      );
      expect(await slow).toEqual({ ok: true, warnings: [] });
    } finally {
      await pool.close();
    }
  });
});
