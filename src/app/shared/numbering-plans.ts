import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useNumberingPlans } from './phone-number.pipe';

/**
 * Installs the countries' numbering plans for `formatPhoneNumber` (libphonenumber-js, the same
 * metadata the dialer checks numbers with). A number its plan does not know stays E.164.
 */
export function formatInternationally(e164: string): string | null {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed?.isPossible() ? parsed.formatInternational() : null;
}

export function installNumberingPlans(): void {
  useNumberingPlans(formatInternationally);
}
