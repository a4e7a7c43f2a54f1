import { AsYouType, validatePhoneNumberLength } from 'libphonenumber-js/min';
import metadata from 'libphonenumber-js/min/metadata';
import { invalid, valid, type Parsed } from '../model/parsed';
import { E164_MAX_DIGITS } from './phone-number-shape';

/** What agents put between digits when they read a number off a ticket: all fine. */
const SEPARATORS = /[\s\-.()/]/g;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

/**
 * "+44 number (United Kingdom)": the country code, and the country the digits name or, when they
 * do not (too few, too many), the code's main country. +1 is shared by North America.
 */
function numberKind(e164: string): string {
  const typing = new AsYouType();
  typing.input(e164);
  const code = typing.getCallingCode() ?? '';
  const country = typing.getCountry() ?? metadata.country_calling_codes[code]?.[0];
  const name = code === '1' ? 'North America' : country ? regionNames.of(country) : undefined;
  return name ? `+${code} number (${name})` : `+${code} number`;
}

/**
 * Checks a phone number as the agent typed it (spaces, dashes, dots and brackets allowed) and gives
 * its E.164 form, or says what is wrong: a missing +, a letter, a country code that does not exist,
 * too few or too many digits for the country, more than E.164's 15 digits.
 */
export function parsePhoneNumber(typed: string): Parsed<string> {
  const compact = typed.trim().replace(SEPARATORS, '');
  if (!compact) return invalid('Type a phone number, starting with + and the country code.');
  if (compact.startsWith('00'))
    return invalid(`Write the international prefix 00 as +: +${compact.slice(2)}.`);
  if (!compact.startsWith('+'))
    return invalid('A phone number starts with + and the country code, e.g. +1 425 555 0100.');
  const digits = compact.slice(1);
  if (!digits) return invalid('Type the country code after the +.');
  if (/\D/.test(digits))
    return invalid('A phone number has only digits after the + (spaces, dashes and brackets are fine).');
  if (digits.startsWith('0')) return invalid('No country code starts with 0: check the digits after the +.');
  if (digits.length > E164_MAX_DIGITS)
    return invalid(
      `Too long: E.164 numbers have at most ${E164_MAX_DIGITS} digits, and this one has ${digits.length}.`,
    );
  const e164 = `+${digits}`;
  switch (validatePhoneNumberLength(e164)) {
    case 'INVALID_COUNTRY':
      return invalid('No country has the code this number starts with: check the digits after the +.');
    case 'TOO_SHORT':
    case 'NOT_A_NUMBER':
      return invalid(`Too short for a ${numberKind(e164)}: some digits are missing.`);
    case 'TOO_LONG':
      return invalid(`Too long for a ${numberKind(e164)}: check for an extra digit.`);
    case 'INVALID_LENGTH':
      return invalid(`A ${numberKind(e164)} does not have this many digits: check the number.`);
    default:
      return valid(e164);
  }
}

/**
 * A number as the agent types it, grouped as its country writes it ("+44 20 7946 0107"). Text that
 * is not a + followed by digits and separators is left exactly as typed, so a mistake stays visible.
 */
export function formatPhoneNumberAsTyped(typed: string): string {
  if (!/^\s*\+[\d\s\-.()/]*$/.test(typed)) return typed;
  const digits = typed.replace(/[^\d]/g, '');
  if (digits.length > E164_MAX_DIGITS) return `+${digits}`;
  return new AsYouType().input(`+${digits}`);
}
