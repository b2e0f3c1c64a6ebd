// Find a Chromium the way a contributor's machine has one, and launch it for tests.
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const USUAL_PATHS = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
];

export function findBrowser(): string {
  const fromEnvironment = process.env.CHROME_PATH;
  if (fromEnvironment) {
    if (existsSync(fromEnvironment)) return fromEnvironment;
    throw new Error(`CHROME_PATH is set to ${fromEnvironment}, but no file is there. Point it at a Chromium or Chrome binary.`);
  }
  const found = USUAL_PATHS.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    "No Chromium or Chrome found for the browser tests. Install one (Debian/Ubuntu: `sudo apt-get install chromium`; macOS: install Google Chrome) or set CHROME_PATH to its binary.",
  );
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findBrowser(),
    // The background-networking flags keep Chromium from calling home on a closed network.
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
