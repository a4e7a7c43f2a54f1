import { Injectable } from '@angular/core';
import type { AbstractControl, FormGroupDirective, NgForm } from '@angular/forms';
import type { ErrorStateMatcher } from '@angular/material/core';

/**
 * A field says what is wrong once there is something wrong to say: a value typed that does not
 * fit (shown when the agent leaves the field), or an empty required field when they submit. Tabbing
 * through an empty field is not a mistake (Material's default shows an error on any touch).
 */
@Injectable()
export class TypedOrSubmittedErrorState implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    if (!control?.invalid) return false;
    if (form?.submitted) return true;
    const typed = String(control.value ?? '').trim() !== '';
    return typed && control.touched;
  }
}
