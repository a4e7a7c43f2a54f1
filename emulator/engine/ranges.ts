/**
 * The range of every number a test, a demo or an operator can set (the HTTP API's control fields,
 * the server's environment, the scenario). A value outside its range is refused with its name
 * and the range. Unchecked, a talk time of 1e308 ms or a patience of Infinity (JSON's `1e999`)
 * would be stored, and a fault's `delayMs: 1e308` would hold the next operation for ever.
 */
export interface NumberRange {
  readonly min: number;
  readonly max: number;
  /** A count, a code or milliseconds: whole numbers only. */
  readonly integer: boolean;
  /** What the number counts, said after the range: `(milliseconds)`. */
  readonly unit?: string;
}

const DAY_SECONDS = 24 * 60 * 60;

export const RANGES = {
  /** An operation error code, HTTP-style like ACS's own. */
  code: { min: 100, max: 699, integer: true },
  subCode: { min: 0, max: 999_999, integer: true },
  delayMs: { min: 0, max: 600_000, integer: true, unit: 'milliseconds' },
  /** A caller's patience or talk time: whole seconds (no -0, no 0.0001), at most a day. */
  seconds: { min: 0, max: DAY_SECONDS, integer: true, unit: 'seconds' },
  milliseconds: { min: 0, max: DAY_SECONDS * 1000, integer: true, unit: 'milliseconds' },
  /** The scenario draws whole seconds between a range's bounds. */
  wholeSeconds: { min: 0, max: DAY_SECONDS, integer: true, unit: 'seconds' },
  arrivalsPerMinute: { min: 0.01, max: 600, integer: false, unit: 'calls per minute' },
  maxWaiting: { min: 1, max: 1000, integer: true, unit: 'callers' },
  /** A chat's members: a Teams group chat holds at most 250. */
  threadMembers: { min: 1, max: 250, integer: true, unit: 'members' },
  /** How long a meeting's organizer lets joiners wait in the lobby: whole seconds, at most an hour. */
  autoAdmitSeconds: { min: 0, max: 3600, integer: true, unit: 'seconds' },
  /** How long a presence-routed queue call rings an agent before trying others (Teams' agent alert time). */
  agentAlertSeconds: { min: 15, max: 180, integer: true, unit: 'seconds' },
  /**
   * People in a meeting from its start beside the consoles: its colleagues and generated attendees
   * together (a town hall's roster; the console's roster is virtualized for it).
   */
  meetingAttendees: { min: 0, max: 350, integer: true, unit: 'attendees' },
  /** Made-up attendees of a meeting (`generatedAttendees`). */
  generatedAttendees: { min: 0, max: 350, integer: true, unit: 'attendees' },
  /** A speaker storm's `isSpeaking` flips a second, across the meeting. */
  speakingPerSecond: { min: 1, max: 5000, integer: true, unit: 'changes a second' },
  /** How long a speaker storm lasts. */
  speakingSeconds: { min: 1, max: 600, integer: true, unit: 'seconds' },
  /** Agents the directory generates beside its built-in users (`EMULATOR_GENERATED_AGENTS`). */
  generatedAgents: { min: 0, max: 5000, integer: true, unit: 'agents' },
  /** Supervisors it generates (`EMULATOR_GENERATED_SUPERVISORS`). */
  generatedSupervisors: { min: 0, max: 500, integer: true, unit: 'supervisors' },
  port: { min: 0, max: 65_535, integer: true },
  seed: { min: 0, max: 2 ** 32 - 1, integer: true },
} as const satisfies Record<string, NumberRange>;

/** `an integer from 0 to 600000 (milliseconds)` */
function bounds(range: NumberRange): string {
  const unit = range.unit ? ` (${range.unit})` : '';
  return `${range.integer ? 'an integer' : 'a number'} from ${range.min} to ${range.max}${unit}`;
}

function inRange(value: unknown, range: NumberRange): value is number {
  return (
    typeof value === 'number' &&
    value >= range.min &&
    value <= range.max &&
    (!range.integer || Number.isInteger(value))
  );
}

/**
 * What is wrong with `value` as the number `name`, or `undefined` when it is in its range:
 * `"delayMs" must be an integer from 0 to 600000 (milliseconds).`
 */
export function rangeProblem(name: string, value: unknown, range: NumberRange): string | undefined {
  return inRange(value, range) ? undefined : `"${name}" must be ${bounds(range)}.`;
}

/**
 * The same for a `[min, max]` pair: both bounds in `range`, and `min <= max`. `shape` is how the
 * pair is written where it came from (`min-max` in the environment).
 */
export function pairProblem(
  name: string,
  value: unknown,
  range: NumberRange,
  shape = '[min, max]',
): string | undefined {
  const valid =
    Array.isArray(value) &&
    value.length === 2 &&
    inRange(value[0], range) &&
    inRange(value[1], range) &&
    value[0] <= value[1];
  return valid ? undefined : `"${name}" must be ${shape} with min <= max, each ${bounds(range)}.`;
}
