/**
 * A real headless Chromium for the page tests: Debian's package, driven by playwright-core
 * (test tools can't download a browser here). On CI a missing Chromium is a failure, not a skip.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
/** Screenshots kept by the tests (git-ignored). */
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

/** True when the browser is there; otherwise skips the suite locally and fails it on CI. */
export function requireChromium(suite: Mocha.Context, what: string): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true') throw new Error(`Chromium is required on CI and missing at ${CHROMIUM} (.ci/run installs it)`);
  console.warn(`      skipped: no Chromium at ${CHROMIUM} (apt-get install chromium to run the ${what})`);
  suite.skip();
  return false;
}

export async function launchChromium(): Promise<Browser> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
