import { Injectable } from '@angular/core';
import { AzureLogger } from '@azure/logger';
import { redactValue } from './redact';

/**
 * The one logger. It takes over `AzureLogger.log`, so the Calling SDK's own output passes through
 * the same redaction as ours: no token, meeting ID or passcode reaches the console in plain text.
 */
@Injectable({ providedIn: 'root' })
export class Logger {
  constructor() {
    AzureLogger.log = (...args: unknown[]) => console.log(...args.map(redactValue));
  }

  error(message: string, ...details: unknown[]): void {
    console.error(redactValue(message), ...details.map(redactValue));
  }
}
