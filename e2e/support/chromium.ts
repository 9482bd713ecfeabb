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

/** Debian's chromium where there is one; CHROMIUM_PATH overrides; otherwise Playwright's own browser. */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: CHROMIUM_ARGS,
};
