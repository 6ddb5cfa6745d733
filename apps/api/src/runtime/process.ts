import {
  ConfigurationError,
  Configuration,
  loadConfiguration,
  ProcessNeeds,
} from '../config/configuration';

/** Loads the configuration or ends the process with code 1 and the list of bad variables. */
export function loadConfigurationOrExit(needs?: ProcessNeeds): Configuration {
  try {
    return loadConfiguration(process.env, needs);
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** Prints a start-up failure plainly (not as a stack) and exits with code 1. */
export function exitOnStartupFailure(processName: string, error: unknown): never {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${processName} could not start: ${message}\n`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error)
    process.stderr.write(`${error.stack}\n`);
  process.exit(1);
}

/**
 * Runs `stop` on SIGTERM/SIGINT and exits; if it has not finished within `timeoutMs`, exits
 * anyway with code 1 (bull puts jobs that were still active back on the queue).
 */
export function onShutdownSignal(timeoutMs: number, stop: (signal: string) => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      process.stderr.write(`shutdown took longer than ${timeoutMs} ms; exiting\n`);
      process.exit(1);
    }, timeoutMs).unref();
    stop(signal).then(
      () => process.exit(0),
      (error) => {
        process.stderr.write(`error during shutdown: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', handler);
  process.once('SIGINT', handler);
}
