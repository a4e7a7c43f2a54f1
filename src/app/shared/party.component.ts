import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Party } from '../model/snapshots';
import { partyName } from './party-name';
import { PhoneNumberPipe } from './phone-number.pipe';

/**
 * Who is on the other end: the display name (in the font the host sets), and the phone number
 * beside it when there is both a name and a number.
 */
@Component({
  selector: 'sb-party',
  imports: [PhoneNumberPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="name">{{ name() }}</span>
    @if (party().displayName && party().identity?.phoneNumber; as number) {
      <!-- A space, so that assistive technology reads the name and the number apart. -->
      &ngsp;<span class="number">{{ number | phoneNumber }}</span>
    }
  `,
  styles: `
    :host {
      display: flex;
      gap: 8px;
      align-items: baseline;
      flex-wrap: wrap;
    }
    .number {
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class PartyComponent {
  readonly party = input.required<Party>();
  protected readonly name = computed(() => partyName(this.party()));
}
