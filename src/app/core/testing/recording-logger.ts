import { TestBed } from '@angular/core/testing';
import { LOG_SINK, Logger, type LogSink } from '../logger';
import { RUNTIME_CONFIG, type LogLevel } from '../runtime-config';

/** Every line the logger writes, as the browser's console would show it. */
function recordingSink() {
  const lines: string[] = [];
  const record =
    (level: string) =>
    (...args: unknown[]) =>
      lines.push(`${level}: ${args.join(' ')}`);
  const sink: LogSink = {
    error: record('error'),
    warn: record('warn'),
    info: record('info'),
    debug: record('debug'),
  };
  return { sink, lines };
}

export function startLogger(logLevel: LogLevel) {
  const { sink, lines } = recordingSink();
  TestBed.configureTestingModule({
    providers: [
      { provide: LOG_SINK, useValue: sink },
      { provide: RUNTIME_CONFIG, useValue: { logLevel } },
    ],
  });
  return { logger: TestBed.inject(Logger), lines };
}
