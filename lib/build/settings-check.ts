/**
 * Imported first by a command-line script (before anything that imports
 * site.config.ts): an unusable environment variable ends the command with its
 * message alone and exit status 1, not a stack trace from inside a module.
 */
import { readSettings, SettingError } from './settings';

try {
  readSettings(process.env);
} catch (error) {
  if (!(error instanceof SettingError)) throw error;
  console.error(error.message);
  process.exit(1);
}
