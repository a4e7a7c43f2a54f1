import type { FormControl } from '@angular/forms';
import { formatPhoneNumberAsTyped } from '../../calling/phone-number';
import { looksLikePhoneNumber } from '../../calling/phone-number-shape';

/**
 * On each keystroke: groups a phone number as its country writes it ("+1 425 555 0101"), while
 * the agent types at the end. Editing in the middle is left alone, so the caret does not jump.
 */
export function groupPhoneNumberAsTyped(event: Event, control: FormControl<string>): void {
  const input = event.target;
  if (!(input instanceof HTMLInputElement)) return;
  const value = input.value;
  if (!looksLikePhoneNumber(value) || (input.selectionStart ?? value.length) !== value.length) return;
  const grouped = formatPhoneNumberAsTyped(value);
  if (grouped === value) return;
  input.value = grouped;
  control.setValue(grouped, { emitEvent: false, emitModelToViewChange: false });
}

/** What an input with suggestions shows for a picked one: nothing (the pick becomes a chip or an add). */
export const showTypedTextOnly = (value: unknown): string => (typeof value === 'string' ? value : '');
