import fs from "node:fs";
import path from "node:path";
import { parseMime, type ParsedMail } from "./parse-mime.ts";

export type CaughtMail = {
  id: number;
  receivedAt: string;
  envelope: { from: string | null; to: string[] };
  raw: string;
};

export type MailSummary = Omit<CaughtMail, "raw"> & { subject: string; to: string };

export type MailStore = {
  add(mail: Omit<CaughtMail, "id">): CaughtMail;
  list(): MailSummary[];
  get(id: number): (CaughtMail & { parsed: ParsedMail }) | undefined;
  clear(): void;
  /** Waits for pending writes (shutdown). */
  flush(): Promise<void>;
};

const KEEP = 500;

/** Newest first, at most KEEP messages; saved to `file` (when given) so mail survives restarts. */
export function createMailStore(opts: { file?: string; onError?: (error: unknown) => void } = {}): MailStore {
  let mails: CaughtMail[] = opts.file ? readSaved(opts.file) : [];
  let nextId = Math.max(0, ...mails.map((m) => m.id)) + 1;
  const parsed = new Map<number, ParsedMail>();
  let writing: Promise<void> = Promise.resolve();
  const save = () => {
    const file = opts.file;
    if (!file) return;
    const text = JSON.stringify(mails);
    writing = writing
      .then(async () => {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.writeFile(`${file}.tmp`, text);
        await fs.promises.rename(`${file}.tmp`, file);
      })
      .catch((error: unknown) => opts.onError?.(error));
  };
  const parse = (mail: CaughtMail) => {
    let result = parsed.get(mail.id);
    if (!result) {
      result = parseMime(mail.raw);
      parsed.set(mail.id, result);
    }
    return result;
  };
  return {
    add(input) {
      const mail = { id: nextId++, ...input };
      mails = [mail, ...mails].slice(0, KEEP);
      save();
      return mail;
    },
    list: () =>
      mails.map(({ raw: _raw, ...mail }) => {
        const p = parse({ raw: _raw, ...mail });
        return { ...mail, subject: p.subject, to: p.to || mail.envelope.to.join(", ") };
      }),
    get(id) {
      const mail = mails.find((m) => m.id === id);
      return mail ? { ...mail, parsed: parse(mail) } : undefined;
    },
    clear() {
      mails = [];
      parsed.clear();
      save();
    },
    flush: () => writing,
  };
}

function readSaved(file: string): CaughtMail[] {
  try {
    const value = JSON.parse(fs.readFileSync(file, "utf8")) as unknown;
    return Array.isArray(value) ? (value as CaughtMail[]) : [];
  } catch {
    // Missing or unreadable: the catcher starts empty rather than refusing to start.
    return [];
  }
}
