import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = fs.existsSync(CHROMIUM_PATH);
export const CHROMIUM_MISSING =
  `Browser tests skipped: no Chromium at ${CHROMIUM_PATH}. ` +
  'Install it with `sudo apt-get install chromium` (Debian) or set CHROMIUM_PATH; CI installs it.';

/** Debian's Chromium, headless, with everything that would reach outside the machine turned off. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      '--disable-background-networking',
      '--disable-component-update',
    ],
  });
}
