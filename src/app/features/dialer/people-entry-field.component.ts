import { ChangeDetectionStrategy, Component, ElementRef, input, output, viewChild } from '@angular/core';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import {
  MatAutocomplete,
  MatAutocompleteTrigger,
  type MatAutocompleteSelectedEvent,
} from '@angular/material/autocomplete';
import { MatChipGrid, MatChipInput, MatChipRemove, MatChipRow } from '@angular/material/chips';
import { MatOption } from '@angular/material/core';
import { MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import type { DirectoryPerson } from '../../model/directory-person';
import { enterAddsTyped } from './typed-entry-field';
import { groupPhoneNumberAsTyped, showTypedTextOnly } from './typed-phone-number';

/**
 * One input for people, as the dialer and the Escalate dialog both take them: names suggested
 * from the directory, phone numbers grouped as typed, each person a chip. The container owns the
 * text (`searchDirectoryAsTyped`), reads it on `entered`, and says what is wrong in `problem`.
 */
@Component({
  selector: 'sb-people-entry-field',
  imports: [
    ReactiveFormsModule,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatChipGrid,
    MatChipInput,
    MatChipRemove,
    MatChipRow,
    MatFormField,
    MatHint,
    MatLabel,
    MatOption,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <mat-form-field class="field" subscriptSizing="dynamic">
      <mat-label>{{ label() }}</mat-label>
      <mat-chip-grid #chipGrid [attr.aria-label]="chipsLabel()" [disabled]="disabled()">
        @for (chip of chips(); track $index) {
          <mat-chip-row (removed)="removed.emit($index)">
            {{ chip }}
            <button matChipRemove type="button" [attr.aria-label]="'Remove ' + chip">×</button>
          </mat-chip-row>
        }
        <input
          #entry
          [formControl]="text()"
          [matChipInputFor]="chipGrid"
          [matChipInputSeparatorKeyCodes]="[]"
          [matAutocomplete]="suggestionList"
          autocomplete="off"
          spellcheck="false"
          cdkFocusInitial
          (keydown.enter)="enter($event)"
          (input)="groupPhoneNumber($event)"
        />
      </mat-chip-grid>
      <mat-autocomplete
        #suggestionList="matAutocomplete"
        [displayWith]="showTypedTextOnly"
        (optionSelected)="pick($event)"
        aria-label="People in the directory"
      >
        @for (person of suggestions(); track person.id) {
          <mat-option [value]="person"
            >{{ person.displayName }}
            @if (person.userPrincipalName) {
              <span class="upn">({{ person.userPrincipalName }})</span>
            }
          </mat-option>
        }
      </mat-autocomplete>
      @if (problem(); as problem) {
        <mat-hint class="problem" role="alert">{{ problem }}</mat-hint>
      } @else {
        <mat-hint>{{ hint() }}</mat-hint>
      }
    </mat-form-field>
  `,
  styles: `
    :host {
      display: block;
    }
    .field {
      width: 100%;
    }
    .upn {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-small);
    }
    .problem {
      color: var(--mat-sys-error);
    }
  `,
})
export class PeopleEntryFieldComponent {
  readonly label = input.required<string>();
  /** The chips' own name ("Who to call", "People to add"). */
  readonly chipsLabel = input.required<string>();
  readonly hint = input.required<string>();
  readonly text = input.required<FormControl<string>>();
  readonly chips = input.required<readonly string[]>();
  readonly suggestions = input.required<readonly DirectoryPerson[]>();
  readonly problem = input<string | null>(null);
  readonly disabled = input(false);
  readonly removed = output<number>();
  readonly picked = output<DirectoryPerson>();
  /** Enter on the typed text (on a highlighted suggestion, the pick comes as `picked`). */
  readonly entered = output<void>();
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);
  private readonly entry = viewChild.required<ElementRef<HTMLInputElement>>('entry');
  protected readonly showTypedTextOnly = showTypedTextOnly;

  /** Empties the input once what was typed became a chip. */
  clear(): void {
    // The autocomplete writes a picked option into the input too: clear the input, not only the control.
    this.entry().nativeElement.value = '';
    this.text().setValue('');
  }

  protected enter(event: Event): void {
    enterAddsTyped(event, this.trigger(), () => this.entered.emit());
  }

  protected groupPhoneNumber(event: Event): void {
    groupPhoneNumberAsTyped(event, this.text());
  }

  protected pick(event: MatAutocompleteSelectedEvent): void {
    this.picked.emit(event.option.value as DirectoryPerson);
  }
}
