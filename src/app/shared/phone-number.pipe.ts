import { Pipe, type PipeTransform } from '@angular/core';

/** A country's grouping of an E.164 number (`+44 20 7946 0958`), or null when its plan has none. */
export type NumberingPlanFormat = (e164: string) => string | null;

/**
 * The numbering plans come with the workspaces (libphonenumber-js's metadata is about 20 KB gzip,
 * kept out of the first download): until then, numbers outside North America show as E.164.
 */
let numberingPlans: NumberingPlanFormat | null = null;

/** Formats with these plans from now on (null: none); answers the plans used until now. */
export function useNumberingPlans(format: NumberingPlanFormat | null): NumberingPlanFormat | null {
  const previous = numberingPlans;
  numberingPlans = format;
  return previous;
}

/**
 * An E.164 number for reading aloud to a caller: North American numbers as `+1 (425) 555-0123`,
 * others grouped as their country writes them internationally (`+44 20 7946 0958`,
 * `+49 30 901820`); anything else as it came.
 */
export function formatPhoneNumber(value: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  if (nanp) return `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}`;
  return (/^\+[1-9]\d{1,14}$/.test(value) && numberingPlans?.(value)) || value;
}

@Pipe({ name: 'phoneNumber' })
export class PhoneNumberPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value ? formatPhoneNumber(value) : '';
  }
}
