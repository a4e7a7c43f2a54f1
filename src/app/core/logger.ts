import { Injectable } from '@angular/core';
import { AzureLogger, createClientLogger, setLogLevel, type AzureLogLevel } from '@azure/logger';
import { redactValue } from './redact';

/**
 * The one logger. It wraps `@azure/logger`, and it takes over `AzureLogger.log`, so the Calling
 * SDK's own output passes through the same redaction as ours: no token, meeting ID or passcode
 * reaches the console in plain text.
 */
@Injectable({ providedIn: 'root' })
export class Logger {
  private readonly azure = createClientLogger('switchboard');

  constructor() {
    AzureLogger.log = (...args: unknown[]) => console.log(...args.map(redactValue));
  }

  setLevel(level: AzureLogLevel): void {
    setLogLevel(level);
  }

  info(message: string, ...details: unknown[]): void {
    this.azure.info(redactValue(message), ...details.map(redactValue));
  }

  warning(message: string, ...details: unknown[]): void {
    this.azure.warning(redactValue(message), ...details.map(redactValue));
  }

  error(message: string, ...details: unknown[]): void {
    // Errors always reach the console, whatever the Azure log level says.
    console.error(redactValue(message), ...details.map(redactValue));
  }
}
