/**
 * Removes secrets from text before it is logged: ACS and Entra tokens (JWTs, and opaque refresh
 * tokens wherever they are named), bearer headers, OAuth codes and verifiers in URLs, Teams
 * meeting IDs (12 digits) and passcodes, and meeting links. Meeting coordinates are secrets: they
 * let anyone join (docs/architecture.md, secrets).
 */
const RULES: ReadonlyArray<[RegExp, string]> = [
  [/\beyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]'],
  [/\b(Bearer)\s+[^\s"',]+/gi, '$1 [redacted]'],
  [/([?&#](?:code|code_verifier|\w*_token|client_info|session_state|state)=)[^&#\s"']+/gi, '$1[redacted]'],
  [
    /("?(?:\w*token|passcode|password|code_verifier)"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,}&]+)/gi,
    '$1[redacted]',
  ],
  [/("?meetingId"?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,}&]+)/gi, '$1[redacted]'],
  [/https:\/\/teams\.microsoft\.com\/l\/meetup-join\/[^\s"']+/gi, '[meeting link]'],
  // A meeting's thread id is one of the coordinates that join it (with organizer, tenant, message).
  [/19:meeting_[^\s"'@]+@thread\.(v2|tacv2|skype)/gi, '[meeting thread]'],
  [/19%3Ameeting_[^\s"'/&]+/gi, '[meeting thread]'],
  [/(?<![+\d])\d{3}\s?\d{3}\s?\d{3}\s?\d{3}(?!\d)/g, '[meeting id]'],
];

export function redact(text: string): string {
  return RULES.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/** Redacts any value for logging: strings directly, objects through their JSON form. */
export function redactValue(value: unknown): string {
  if (typeof value === 'string') return redact(value);
  if (value instanceof Error) return redact(`${value.name}: ${value.message}`);
  try {
    return redact(JSON.stringify(value) ?? String(value));
  } catch {
    return redact(String(value));
  }
}
