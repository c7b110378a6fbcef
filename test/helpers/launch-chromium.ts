import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

const SYSTEM_CHROMIUM = "/usr/bin/chromium";

export type ChromiumChoice = { kind: "path"; executablePath: string } | { kind: "bundled" };

/**
 * Which browser the tests drive: `CHROMIUM_PATH` when set (`bundled` forces the npm one), else
 * Debian's Chromium when installed, else the headless Chromium shipped inside the
 * `@sparticuz/chromium` devDependency, so `npm install && npm test` needs no browser install.
 */
export function chooseChromium(
  env: Record<string, string | undefined> = process.env,
  exists: (file: string) => boolean = fs.existsSync,
): ChromiumChoice {
  const wanted = env.CHROMIUM_PATH?.trim();
  if (wanted === "bundled") return { kind: "bundled" };
  if (wanted) {
    if (!exists(wanted)) throw new Error(`CHROMIUM_PATH=${wanted}: no such file`);
    return { kind: "path", executablePath: wanted };
  }
  return exists(SYSTEM_CHROMIUM) ? { kind: "path", executablePath: SYSTEM_CHROMIUM } : { kind: "bundled" };
}

/** Headless, with the flags every browser test uses. */
export async function launchChromium(): Promise<Browser> {
  const choice = chooseChromium();
  const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"];
  if (choice.kind === "path") return chromium.launch({ executablePath: choice.executablePath, args });
  const bundled = await bundledChromium();
  return chromium.launch({ executablePath: bundled.executablePath, args, env: bundled.env });
}

/**
 * The package's Chromium (brotli-compressed; unpacked once per version into the temp folder) with the
 * shared libraries it ships for machines that lack them (NSS, NSPR, expat: its al2023 bundle) and
 * its fonts, so it starts on a machine with nothing but Node. The package unpacks into
 * os.tmpdir() and takes any file already there as done: test files launching at once would read
 * each other's half-written binary, so each unpacks into a staging folder renamed into place.
 */
async function bundledChromium(): Promise<{ executablePath: string; env: Record<string, string> }> {
  const { default: Chromium, inflate } = await import("@sparticuz/chromium");
  const build = path.dirname(fileURLToPath(import.meta.resolve("@sparticuz/chromium")));
  const { version } = JSON.parse(fs.readFileSync(path.join(build, "../package.json"), "utf8")) as {
    version: string;
  };
  const dir = path.join(os.tmpdir(), `bh-sparticuz-chromium-${version}`);
  if (!fs.existsSync(path.join(dir, "chromium"))) {
    const staging = fs.mkdtempSync(`${dir}-staging-`);
    const tmpdir = process.env.TMPDIR;
    process.env.TMPDIR = staging; // os.tmpdir(), read by the package at each call
    try {
      await Chromium.executablePath();
      await inflate(path.join(build, "../bin/al2023.tar.br"));
    } finally {
      if (tmpdir === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdir;
    }
    // The package's fonts.conf names /tmp/fonts; this one names where the fonts are.
    fs.writeFileSync(
      path.join(staging, "fonts", "fonts.conf"),
      `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig><dir>${dir}/fonts</dir><cachedir>${dir}/fonts-cache</cachedir></fontconfig>\n`,
    );
    try {
      fs.renameSync(staging, dir);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process was first
    }
  }
  const env = Object.fromEntries(
    Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const libDir = path.join(dir, "al2023", "lib");
  return {
    executablePath: path.join(dir, "chromium"),
    env: {
      ...env,
      LD_LIBRARY_PATH: env.LD_LIBRARY_PATH ? `${libDir}:${env.LD_LIBRARY_PATH}` : libDir,
      FONTCONFIG_PATH: path.join(dir, "fonts"),
    },
  };
}
