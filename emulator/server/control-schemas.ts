import type { FastifyError, FastifySchema } from 'fastify';
import { type NumberRange, pairProblem, rangeProblem } from '../engine/ranges';

/** A request the controls refuse, with the status and a message that says what to fix. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Names shown by the controls: a queue's caller, a thread's topic, a meeting's subject. */
export const MAX_NAME_LENGTH = 256;

/**
 * A field's JSON schema. Its `description` is the 400's message when the value does not fit:
 * the field's name and what it takes, as the controls have always said it.
 */
type FieldSchema = Record<string, unknown> & { description: string };

export function numberField(name: string, range: NumberRange): FieldSchema {
  return {
    type: range.integer ? 'integer' : 'number',
    minimum: range.min,
    maximum: range.max,
    description: rangeProblem(name, Number.NaN, range)!,
  };
}

/** `[min, max]`, both in `range`; `min <= max` is the handler's to check. */
export function pairField(name: string, range: NumberRange): FieldSchema {
  return {
    type: 'array',
    minItems: 2,
    maxItems: 2,
    items: { type: range.integer ? 'integer' : 'number', minimum: range.min, maximum: range.max },
    description: pairProblem(name, null, range)!,
  };
}

export function stringField(name: string, maxLength = MAX_NAME_LENGTH): FieldSchema {
  return {
    type: 'string',
    minLength: 1,
    maxLength,
    description: `"${name}" must be a non-empty string of at most ${maxLength} characters.`,
  };
}

export function booleanField(name: string): FieldSchema {
  return { type: 'boolean', description: `"${name}" must be true or false.` };
}

export function stringsField(name: string, count: NumberRange, what: string): FieldSchema {
  return {
    type: 'array',
    minItems: count.min,
    maxItems: count.max,
    items: { type: 'string', minLength: 1, maxLength: MAX_NAME_LENGTH },
    description: `"${name}" must be a list of ${count.min} to ${count.max} ${what}.`,
  };
}

export function enumField(name: string, values: readonly string[]): FieldSchema {
  return {
    type: 'string',
    enum: [...values],
    description: `"${name}" is ${values.map((v) => `"${v}"`).join(' or ')}.`,
  };
}

/**
 * A control's body: a JSON object with these fields and no others. An unknown field (a typo such
 * as `"fromm"`, or `__proto__`) is refused, naming it, instead of being ignored or stripped.
 */
export function bodySchema(
  fields: Record<string, FieldSchema>,
  options: { required?: readonly string[]; minProperties?: number; description?: string } = {},
): FastifySchema {
  return {
    body: {
      type: 'object',
      properties: fields,
      additionalProperties: false,
      ...(options.required && { required: [...options.required] }),
      ...(options.minProperties !== undefined && { minProperties: options.minProperties }),
      description: options.description ?? 'The request body must be a JSON object.',
    },
  };
}

interface SchemaNode {
  readonly properties?: Record<string, { description?: string }>;
  readonly description?: string;
}

interface AjvError {
  readonly keyword: string;
  readonly instancePath: string;
  readonly params: Record<string, unknown>;
}

/** The 400's message for a body its schema refused: the first problem, in the field's words. */
export function validationMessage(error: FastifyError, schema: SchemaNode | undefined): string {
  const errors = (error.validation ?? []) as unknown as AjvError[];
  // An unknown field first: a typo (`"fromm"`) explains the "missing" field it was meant to be.
  const first = errors.find((e) => e.keyword === 'additionalProperties') ?? errors[0];
  const fields = schema?.properties ?? {};
  const whole = schema?.description ?? 'The request body must be a JSON object.';
  if (!first) return whole;
  if (first.keyword === 'additionalProperties') {
    const field = String(first.params['additionalProperty']);
    return `Unknown field "${field}": the body takes ${Object.keys(fields)
      .map((name) => `"${name}"`)
      .join(', ')}.`;
  }
  if (first.keyword === 'required') {
    const field = String(first.params['missingProperty']);
    return fields[field]?.description ?? `"${field}" is required.`;
  }
  const field = first.instancePath.split('/')[1];
  if (field === undefined || field === '') return whole;
  return fields[field]?.description ?? `"${field}" is not valid.`;
}

/**
 * Where `value` holds `-0` (JSON allows it; no control means it), or `undefined`. Walked with a
 * stack of its own, not by recursion: a body nested thousands deep must not overflow the call stack.
 */
export function negativeZeroAt(value: unknown): string | undefined {
  const pending: [unknown, string][] = [[value, '']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [item, path] = next;
    if (Object.is(item, -0)) return path || '(the body)';
    if (typeof item !== 'object' || item === null) continue;
    const entries = Object.entries(item);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      pending.push([child, path ? `${path}.${key}` : key]);
    }
  }
  return undefined;
}
