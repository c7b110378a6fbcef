import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium (`.ci/run` installs it), headless, with the flags every browser test uses. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}
