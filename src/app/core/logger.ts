import { inject, Injectable, InjectionToken } from '@angular/core';
import { AzureLogger, setLogLevel } from '@azure/logger';
import { RUNTIME_CONFIG, type LogLevel } from './runtime-config';
import { redactValue } from './redact';

/** Where log lines go: the browser's console, or a test's record. */
export type LogSink = Pick<Console, 'error' | 'warn' | 'info' | 'debug'>;
export const LOG_SINK = new InjectionToken<LogSink>('LOG_SINK', { factory: () => console });

const RANK: Record<LogLevel, number> = { error: 0, warning: 1, info: 2, verbose: 3 };

/**
 * The one logger. It sets `@azure/logger`'s level from `config.json` (`setLogLevel`) and takes over
 * `AzureLogger.log`, so the Calling SDK's own output, MSAL's (through `msal()`, MSAL's logger
 * callback) and the console's pass through the same redaction: no token, code, meeting ID or
 * passcode reaches the browser's console in plain text.
 */
@Injectable({ providedIn: 'root' })
export class Logger {
  private readonly sink = inject(LOG_SINK);
  readonly level: LogLevel = inject(RUNTIME_CONFIG, { optional: true })?.logLevel ?? 'warning';

  constructor() {
    setLogLevel(this.level);
    // The SDK's lines start with their namespace: "azure:communication-calling:warning ...".
    AzureLogger.log = (...args: unknown[]) => {
      const level = /^azure:\S*:(verbose|info|warning|error)\b/.exec(String(args[0]))?.[1] as LogLevel;
      this.write(level ?? 'info', args);
    };
  }

  error(message: string, ...details: unknown[]): void {
    this.log('error', message, ...details);
  }

  warning(message: string, ...details: unknown[]): void {
    this.log('warning', message, ...details);
  }

  info(message: string, ...details: unknown[]): void {
    this.log('info', message, ...details);
  }

  log(level: LogLevel, message: string, ...details: unknown[]): void {
    if (RANK[level] <= RANK[this.level]) this.write(level, [message, ...details]);
  }

  private write(level: LogLevel, args: unknown[]): void {
    const redacted = args.map(redactValue);
    switch (level) {
      case 'error':
        return this.sink.error(...redacted);
      case 'warning':
        return this.sink.warn(...redacted);
      case 'info':
        return this.sink.info(...redacted);
      default:
        return this.sink.debug(...redacted);
    }
  }
}
