import { Pipe, type PipeTransform } from '@angular/core';

/**
 * An E.164 number for reading aloud to a caller: North American numbers as `+1 (425) 555-0123`.
 * Other countries' groupings need a numbering plan per country, so they are shown as E.164.
 */
export function formatPhoneNumber(value: string): string {
  const nanp = /^\+1(\d{3})(\d{3})(\d{4})$/.exec(value);
  return nanp ? `+1 (${nanp[1]}) ${nanp[2]}-${nanp[3]}` : value;
}

@Pipe({ name: 'phoneNumber' })
export class PhoneNumberPipe implements PipeTransform {
  transform(value: string | null | undefined): string {
    return value ? formatPhoneNumber(value) : '';
  }
}
