import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { StateTone } from './call-state-label';

/**
 * A state in words, coloured by its tone (live, waiting, held, ended). The words carry the meaning;
 * the colour only helps the eye. `name` is read before the state by assistive technology
 * ("Call state: Connected").
 */
@Component({
  selector: 'sb-state-chip',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'sb-chip', '[attr.data-tone]': 'tone()' },
  template: `
    @if (name()) {
      <span class="sb-visually-hidden">{{ name() }}: </span>
    }
    {{ label() }}
  `,
  styles: `
    :host {
      white-space: nowrap;
    }
    :host([data-tone='live']) {
      background: var(--mat-sys-primary-container);
      color: var(--mat-sys-on-primary-container);
    }
    :host([data-tone='waiting']) {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    :host([data-tone='held']) {
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      outline: 1px dashed var(--mat-sys-outline);
    }
    :host([data-tone='ended']) {
      background: var(--mat-sys-surface-variant);
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class StateChipComponent {
  readonly label = input.required<string>();
  readonly tone = input.required<StateTone>();
  /** What the state is of, for screen readers ("Call state"); none when the context says it. */
  readonly name = input<string>('');
}
