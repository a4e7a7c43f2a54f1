import type { IncomingMessage } from 'node:http';
import { type NumberRange, pairProblem, rangeProblem } from '../engine/ranges';

/** A request the API refuses, with the status and a message that says what to fix. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  let body = '';
  for await (const chunk of request) {
    body += chunk;
    if (body.length > 64 * 1024) throw new BadRequest(413, 'The request body is larger than 64 KiB.');
  }
  if (!body.trim()) return {};
  try {
    const value: unknown = JSON.parse(body);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error();
    return value as Record<string, unknown>;
  } catch {
    throw new BadRequest(400, 'The request body must be a JSON object.');
  }
}

/** A number field in its range (see `RANGES`); a 400 naming the field and the range otherwise. */
export function optionalNumber(
  body: Record<string, unknown>,
  key: string,
  range: NumberRange,
): number | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  const problem = rangeProblem(key, value, range);
  if (problem) throw new BadRequest(400, problem);
  return value as number;
}

/** A `[min, max]` field, both bounds in `range`. */
export function optionalPair(
  body: Record<string, unknown>,
  key: string,
  range: NumberRange,
): [number, number] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  const problem = pairProblem(key, value, range);
  if (problem) throw new BadRequest(400, problem);
  return value as [number, number];
}

export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !value) throw new BadRequest(400, `"${key}" must be a non-empty string.`);
  return value;
}

export function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
  const value = body[key];
  if (value !== undefined && typeof value !== 'boolean')
    throw new BadRequest(400, `"${key}" must be true or false.`);
  return value as boolean | undefined;
}

/** A list of strings, its length in `range`. */
export function optionalStrings(
  body: Record<string, unknown>,
  key: string,
  range: NumberRange,
): string[] | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  const problem = Array.isArray(value) ? rangeProblem(`${key}.length`, value.length, range) : undefined;
  if (!Array.isArray(value) || problem || value.some((item) => typeof item !== 'string' || !item))
    throw new BadRequest(400, problem ?? `"${key}" must be a list of non-empty strings.`);
  return value as string[];
}
