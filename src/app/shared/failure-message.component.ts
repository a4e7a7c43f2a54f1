import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Failure } from '../model/failure';

/**
 * A failure where the person acted: the sentence first, then, quietly, the SDK's code and subCode,
 * which support asks for ("code 400/41006").
 */
@Component({
  selector: 'sb-failure-message',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { role: 'alert' },
  template: `
    {{ failure().message }}
    @if (code(); as code) {
      <span class="code">(code {{ code }})</span>
    }
  `,
  styles: `
    :host {
      display: block;
      color: var(--mat-sys-error);
      font: var(--mat-sys-body-medium);
    }
    .code {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-label-small);
      white-space: nowrap;
    }
  `,
})
export class FailureMessageComponent {
  readonly failure = input.required<Failure>();
  protected readonly code = computed(() => {
    const { code, subCode } = this.failure();
    if (code === undefined) return null;
    return subCode === undefined ? `${code}` : `${code}/${subCode}`;
  });
}
