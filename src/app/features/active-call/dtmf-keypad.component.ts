import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import type { DtmfTone } from '@azure/communication-calling';
import { MatButton } from '@angular/material/button';
import type { Failure } from '../../model/failure';
import { FailureMessageComponent } from '../../shared/failure-message.component';

interface Key {
  readonly label: string;
  readonly tone: DtmfTone;
  /** How a screen reader should say a key whose symbol it may not. */
  readonly spoken?: string;
}

/** A phone keypad's twelve keys, in its layout. */
export const KEYS: readonly Key[] = [
  ...['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((digit) => ({
    label: digit,
    tone: `Num${digit}` as DtmfTone,
  })),
  { label: '*', tone: 'Star', spoken: 'star' },
  { label: '0', tone: 'Num0' },
  { label: '#', tone: 'Pound', spoken: 'pound' },
];

const KEY_BY_CHARACTER = new Map(KEYS.map((key) => [key.label, key]));
const LABEL_BY_TONE = new Map(KEYS.map((key) => [key.tone, key.label]));

/** A tone as the keypad shows it ("Num5" is "5"); tones without a key keep their SDK name. */
export function toneLabel(tone: DtmfTone): string {
  return LABEL_BY_TONE.get(tone) ?? tone;
}

/**
 * The keypad of a call with a phone party (menus, extensions): each key sends its tone; typing the
 * digits, * or # while the keypad has focus does the same. The tones sent are shown, so the agent
 * can read back what went out.
 */
@Component({
  selector: 'sb-dtmf-keypad',
  imports: [MatButton, FailureMessageComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h3 id="keypad-heading">Keypad</h3>
    <div class="keys" role="group" aria-labelledby="keypad-heading" (keydown)="typed($event)">
      @for (key of keys; track key.tone) {
        <button
          mat-stroked-button
          type="button"
          [attr.aria-label]="key.spoken ?? null"
          (click)="tone.emit(key.tone)"
        >
          {{ key.label }}
        </button>
      }
    </div>
    <p class="sent" aria-live="polite">
      @if (sentText()) {
        Tones sent: <span class="tones">{{ sentText() }}</span>
      } @else {
        No tones sent yet.
      }
    </p>
    @if (failure(); as failure) {
      <sb-failure-message [failure]="failure" />
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
      justify-items: start;
    }
    h3 {
      font: var(--mat-sys-title-small);
      margin: 16px 0 0;
    }
    .keys {
      display: grid;
      grid-template-columns: repeat(3, 56px);
      gap: 8px;
    }
    .keys button {
      min-width: 0;
      font: var(--mat-sys-title-medium);
    }
    .sent {
      margin: 0;
    }
    .tones {
      font-variant-numeric: tabular-nums;
      letter-spacing: 0.2em;
    }
  `,
})
export class DtmfKeypadComponent {
  /** The tones sent on this call, oldest first. */
  readonly sent = input.required<readonly DtmfTone[]>();
  readonly failure = input<Failure | null>(null);
  readonly tone = output<DtmfTone>();

  protected readonly keys = KEYS;
  protected readonly sentText = computed(() => this.sent().map(toneLabel).join(' '));

  protected typed(event: KeyboardEvent): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = KEY_BY_CHARACTER.get(event.key);
    if (!key) return;
    event.preventDefault();
    this.tone.emit(key.tone);
  }
}
