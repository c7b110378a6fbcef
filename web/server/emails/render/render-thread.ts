// A render thread of the render pool (render-pool.ts, piscina): every Liquid parse and render of
// an email happens here, never on a process's event loop. A thread may be terminated at any
// moment (a render that overran its budget), so it keeps nothing that is not a cache.
import { createLiquidEngines } from "./create-liquid-engines.ts";
import { loadDefaultTemplate, loadLayout } from "./load-default-template.ts";
import {
  parseLayout,
  parseTemplate,
  renderEmail,
  startBudget,
  type ParsedLayout,
  type ParsedTemplate,
} from "./render-email.ts";
import { TemplateRenderError } from "./render-failure.ts";
import type { RenderFailure } from "./render-failure.ts";
import {
  PROGRESS_PART,
  PROGRESS_PARTS,
  PROGRESS_STARTED,
  PROGRESS_STARTED_AT,
  type RenderOutcome,
  type RenderTask,
  type RenderTaskResult,
  type TemplateRef,
} from "./render-task.ts";
import { validateTemplate } from "./validate-template.ts";

const engines = createLiquidEngines();
let layout: Promise<ParsedLayout> | undefined;
/** Parsed templates by ref, most recently used last; defaults and merchants' sources alike. */
const parsed = new Map<string, ParsedTemplate>();
const MAX_PARSED = 200;

function parsedLayout(): Promise<ParsedLayout> {
  layout ??= loadLayout().then((source) => parseLayout(engines, source));
  layout.catch(() => (layout = undefined));
  return layout;
}

function refKey(ref: TemplateRef): string {
  return ref.origin === "default" ? `default:${ref.kind}:${ref.locale}` : `override:${ref.key}`;
}

async function parsedTemplate(ref: TemplateRef, budgetMs: number): Promise<ParsedTemplate> {
  const key = refKey(ref);
  const hit = parsed.get(key);
  if (hit) {
    parsed.delete(key);
    parsed.set(key, hit);
    return hit;
  }
  const source = ref.origin === "default" ? await loadDefaultTemplate(ref.kind, ref.locale) : ref.source;
  const template = parseTemplate(engines, source, budgetMs);
  if (parsed.size >= MAX_PARSED) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, template);
  return template;
}

function tracker(task: RenderTask) {
  const { progress, epochMs } = task;
  return {
    startItem(index: number) {
      Atomics.store(progress, PROGRESS_STARTED_AT, Date.now() - epochMs);
      Atomics.store(progress, PROGRESS_PART, 0);
      Atomics.store(progress, PROGRESS_STARTED, index + 1);
    },
    onPart(part: RenderFailure["part"]) {
      Atomics.store(progress, PROGRESS_PART, PROGRESS_PARTS.indexOf(part));
    },
  };
}

async function runTask(task: RenderTask): Promise<RenderTaskResult[RenderTask["op"]]> {
  const track = tracker(task);
  switch (task.op) {
    case "validate":
      track.startItem(0);
      return validateTemplate(task.source, task.kind, {
        engines,
        budgetMs: task.budgetMs,
        onPart: track.onPart,
      });
    case "parse":
      // Parsing is bounded by its own limit (`parseLimit`); it still counts as a render for the watchdog.
      track.startItem(0);
      try {
        await parsedTemplate(task.template, task.budgetMs);
        return null;
      } catch (error) {
        if (error instanceof TemplateRenderError) return error.failure;
        throw error;
      }
    case "render": {
      const { template: ref, contexts, budgetMs } = task;
      // Reading and parsing come before the first item's clock starts: a fresh thread (one that
      // replaced a terminated one) must not charge them to the first recipient's render.
      let template: ParsedTemplate;
      try {
        template = await parsedTemplate(ref, budgetMs);
      } catch (error) {
        if (!(error instanceof TemplateRenderError)) throw error;
        return contexts.map(() => ({ ok: false, failure: error.failure }));
      }
      const wrapper = await parsedLayout();
      const outcomes: RenderOutcome[] = [];
      for (const [index, context] of contexts.entries()) {
        track.startItem(index);
        const budget = startBudget(budgetMs, track.onPart);
        try {
          const email = renderEmail(
            engines,
            wrapper,
            template,
            ref,
            context as { shop: { name: string } },
            budget,
          );
          outcomes.push({ ok: true, email });
        } catch (error) {
          if (!(error instanceof TemplateRenderError)) throw error;
          outcomes.push({ ok: false, failure: error.failure });
        }
      }
      return outcomes;
    }
  }
}

export default runTask;
