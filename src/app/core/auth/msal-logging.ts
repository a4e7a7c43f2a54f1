import { LogLevel as MsalLogLevel } from '@azure/msal-browser';
import type { Logger } from '../logger';
import type { LogLevel } from '../runtime-config';

/** MSAL's levels as ours (its Trace is finer than verbose, and comes out as verbose). */
function fromMsalLevel(level: MsalLogLevel): LogLevel {
  switch (level) {
    case MsalLogLevel.Error:
      return 'error';
    case MsalLogLevel.Warning:
      return 'warning';
    case MsalLogLevel.Info:
      return 'info';
    default:
      return 'verbose';
  }
}

export function toMsalLevel(level: LogLevel): MsalLogLevel {
  return {
    error: MsalLogLevel.Error,
    warning: MsalLogLevel.Warning,
    info: MsalLogLevel.Info,
    verbose: MsalLogLevel.Verbose,
  }[level];
}

/**
 * MSAL's logger callback, into the one logger (which redacts). MSAL is told never to log personal
 * data; a line that has some is dropped.
 */
export function msalLoggerCallback(
  logger: Logger,
): (level: MsalLogLevel, message: string, containsPii: boolean) => void {
  return (level, message, containsPii) => {
    if (!containsPii) logger.log(fromMsalLevel(level), `msal: ${message}`);
  };
}
