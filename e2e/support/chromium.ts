// How every suite here launches Chromium (e2e, stress, the benchmark), in one place.
import { existsSync } from 'node:fs';

/** Without the networking flags Chromium keeps dialling out to Google's services and is refused. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Debian's Chromium builds, best first. The headless shell (package chromium-headless-shell) is the
 * same engine without the desktop browser around it, as Playwright itself runs headless: on two
 * cores the e2e run takes about half the time it takes with the full `chromium`.
 */
export const DEBIAN_CHROMIUMS = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'];

/** CHROMIUM_PATH when set, else the first of Debian's Chromium builds installed, else none (Playwright's own browser). */
export function chromiumPath(): string | undefined {
  return process.env.CHROMIUM_PATH || DEBIAN_CHROMIUMS.find((candidate) => existsSync(candidate));
}

export const chromiumLaunchOptions = { executablePath: chromiumPath(), args: CHROMIUM_ARGS };
