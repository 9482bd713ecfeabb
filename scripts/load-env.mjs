// The project's `.env`, for the entry points that read settings before Next would load it (the
// server reads PORT and the cache settings at start) or that never run Next at all. Imported first,
// so the settings are in place before any other module reads them.
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Loads `file` into process.env when it exists. A variable the environment already sets, even to
 * "", keeps its value: the shell, systemd or a container states the deployment, `.env` a default.
 */
export function loadEnvFileIfPresent(file) {
  if (existsSync(file)) process.loadEnvFile(file);
}

// Beside the app, where Next reads it too, whatever directory the command runs in.
loadEnvFileIfPresent(path.resolve(import.meta.dirname, '..', '.env'));
