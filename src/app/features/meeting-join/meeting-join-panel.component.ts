import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  Injector,
  signal,
  untracked,
  viewChildren,
} from '@angular/core';
import {
  FormControl,
  FormGroup,
  FormGroupDirective,
  ReactiveFormsModule,
  type ValidatorFn,
} from '@angular/forms';
import { MatButton } from '@angular/material/button';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatError, MatFormField, MatHint, MatLabel, MatSuffix } from '@angular/material/form-field';
import { MatInput } from '@angular/material/input';
import { MatTab, MatTabGroup } from '@angular/material/tabs';
import { Store } from '@ngrx/store';
import {
  meetingIdProblem,
  meetingLinkProblem,
  meetingThreadIdProblem,
  messageIdProblem,
  organizerIdProblem,
  parseMeetingCoordinates,
  parseMeetingIdAndPasscode,
  parseMeetingLink,
  passcodeProblem,
  tenantIdProblem,
  type MeetingLocatorKind,
} from '../../calling/meeting-locator';
import { type MeetingLocator } from '../../model/meeting-locator';
import type { Parsed } from '../../model/parsed';
import { SealedMeetingLocators } from '../../core/sealed-meeting-locators';
import { MeetingJoinFormActions } from '../../state/meeting-join/meeting-join-form.actions';
import { meetingJoinFeature } from '../../state/meeting-join/meeting-join.feature';
import { selectMeetingRejoin } from '../../state/reload/reload-note.feature';
import { FailureMessageComponent } from '../../shared/failure-message.component';
import { TypedOrSubmittedErrorState } from '../../shared/typed-or-submitted-error-state';

const KINDS: readonly MeetingLocatorKind[] = ['link', 'coordinates', 'meetingId'];
const FIRST_FIELDS: Record<MeetingLocatorKind, string> = {
  link: 'meetingLink',
  coordinates: 'threadId',
  meetingId: 'meetingId',
};
const REJOIN_LINES: Record<MeetingLocatorKind, string> = {
  link: 'You were in a Teams meeting before the page reloaded. Paste its link again to join: Switchboard does not keep meeting links.',
  coordinates:
    'You were in a Teams meeting before the page reloaded. Fill in its coordinates again to join: Switchboard does not keep them.',
  meetingId:
    'You were in a Teams meeting before the page reloaded. Type its meeting ID and passcode again to join: Switchboard does not keep them.',
};

/** A field's check as a form validator: the sentence saying what is wrong, under `problem`. */
function checkedBy(problem: (text: string) => string | null): ValidatorFn {
  return (control) => {
    const found = problem(String(control.value ?? ''));
    return found ? { problem: found } : null;
  };
}

const field = (problem: (text: string) => string | null) =>
  new FormControl('', { nonNullable: true, validators: checkedBy(problem) });

/**
 * Join a Teams meeting by its link, its coordinates, or its meeting ID and passcode (masked, with a
 * Show toggle). What the agent types is a secret: it stays in this form until Join, then goes
 * sealed to the join (never into an action, the store, a URL or storage), and the form is cleared
 * once the meeting is joined.
 */
@Component({
  selector: 'sb-meeting-join-panel',
  imports: [
    ReactiveFormsModule,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatInput,
    MatLabel,
    MatSuffix,
    MatTab,
    MatTabGroup,
    FailureMessageComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  // Tabbing past an empty field says nothing; a bad value typed, or Join, does.
  providers: [{ provide: ErrorStateMatcher, useClass: TypedOrSubmittedErrorState }],
  template: `
    <section aria-labelledby="meeting-join-heading">
      <h2 id="meeting-join-heading" class="sb-panel-title">Join a Teams meeting</h2>
      @if (rejoinLine(); as line) {
        <p class="rejoin" role="status">{{ line }}</p>
      }
      <mat-tab-group
        mat-stretch-tabs="false"
        animationDuration="0ms"
        aria-label="How to name the meeting"
        [selectedIndex]="tab()"
        (selectedIndexChange)="tab.set($event)"
      >
        <mat-tab label="Link">
          <form [formGroup]="byLink" (ngSubmit)="join('link')" autocomplete="off">
            <mat-form-field class="field">
              <mat-label>Meeting link</mat-label>
              <input matInput formControlName="meetingLink" spellcheck="false" />
              <mat-hint>https://teams.microsoft.com/l/meetup-join/…</mat-hint>
              <mat-error>{{ problemOf(byLink.controls.meetingLink) }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="joining()">Join</button>
          </form>
        </mat-tab>
        <mat-tab label="Coordinates">
          <form [formGroup]="byCoordinates" (ngSubmit)="join('coordinates')" autocomplete="off">
            <mat-form-field class="field">
              <mat-label>Thread id</mat-label>
              <input matInput formControlName="threadId" spellcheck="false" />
              <mat-error>{{ problemOf(byCoordinates.controls.threadId) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>Organizer id</mat-label>
              <input matInput formControlName="organizerId" spellcheck="false" />
              <mat-error>{{ problemOf(byCoordinates.controls.organizerId) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>Tenant id</mat-label>
              <input matInput formControlName="tenantId" spellcheck="false" />
              <mat-error>{{ problemOf(byCoordinates.controls.tenantId) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>Message id</mat-label>
              <input matInput formControlName="messageId" inputmode="numeric" />
              <mat-error>{{ problemOf(byCoordinates.controls.messageId) }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="joining()">Join</button>
          </form>
        </mat-tab>
        <mat-tab label="Meeting ID">
          <form [formGroup]="byMeetingId" (ngSubmit)="join('meetingId')" autocomplete="off">
            <mat-form-field class="field">
              <mat-label>Meeting ID</mat-label>
              <input matInput formControlName="meetingId" inputmode="numeric" spellcheck="false" />
              <mat-hint>12 digits, as in the invitation</mat-hint>
              <mat-error>{{ problemOf(byMeetingId.controls.meetingId) }}</mat-error>
            </mat-form-field>
            <mat-form-field class="field">
              <mat-label>Passcode</mat-label>
              <!-- one-time-code: browsers do not offer to save it as a password. -->
              <input
                matInput
                formControlName="passcode"
                [type]="showPasscode() ? 'text' : 'password'"
                autocomplete="one-time-code"
                spellcheck="false"
              />
              <button
                mat-button
                matSuffix
                type="button"
                [attr.aria-pressed]="showPasscode()"
                (click)="showPasscode.set(!showPasscode())"
              >
                {{ showPasscode() ? 'Hide' : 'Show' }}
              </button>
              <mat-hint>6 characters; upper and lower case matter</mat-hint>
              <mat-error>{{ problemOf(byMeetingId.controls.passcode) }}</mat-error>
            </mat-form-field>
            <button mat-flat-button type="submit" [disabled]="joining()">Join</button>
          </form>
        </mat-tab>
      </mat-tab-group>
      @if (progress(); as progress) {
        <p class="progress" role="status">{{ progress }}</p>
      }
      @if (failure(); as failure) {
        <sb-failure-message [failure]="failure" />
      }
    </section>
  `,
  styles: `
    form {
      display: grid;
      gap: 4px;
      padding-top: 12px;
      justify-items: start;
    }
    .field {
      width: 100%;
    }
    .progress {
      color: var(--mat-sys-on-surface-variant);
    }
    .rejoin {
      margin: 0;
      font: var(--mat-sys-body-medium);
    }
  `,
})
export class MeetingJoinPanelComponent {
  private readonly store = inject(Store);
  private readonly meetingLocators = inject(SealedMeetingLocators);
  protected readonly byLink = new FormGroup({ meetingLink: field(meetingLinkProblem) });
  protected readonly byCoordinates = new FormGroup({
    threadId: field(meetingThreadIdProblem),
    organizerId: field(organizerIdProblem),
    tenantId: field(tenantIdProblem),
    messageId: field(messageIdProblem),
  });
  protected readonly byMeetingId = new FormGroup({
    meetingId: field(meetingIdProblem),
    passcode: field(passcodeProblem),
  });
  protected readonly showPasscode = signal(false);
  protected readonly joining = this.store.selectSignal(meetingJoinFeature.selectJoining);
  protected readonly progress = this.store.selectSignal(meetingJoinFeature.selectJoinProgress);
  protected readonly failure = this.store.selectSignal(meetingJoinFeature.selectFailure);
  private readonly entered = this.store.selectSignal(meetingJoinFeature.selectEntered);
  private readonly forms = viewChildren(FormGroupDirective);
  /** The tab shown: Link, Coordinates, Meeting ID. */
  protected readonly tab = signal(0);
  /** A meeting that ended when the page reloaded: its form, to join it again. */
  private readonly rejoin = this.store.selectSignal(selectMeetingRejoin);
  protected readonly rejoinLine = computed(() => {
    const kind = this.rejoin();
    return kind ? REJOIN_LINES[kind] : null;
  });
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  constructor() {
    // The form the meeting was joined by, ready for what Switchboard did not keep (it keeps no
    // link, ID or passcode): that tab, its first field focused.
    effect(() => {
      const kind = this.rejoin();
      if (!kind) return;
      this.tab.set(KINDS.indexOf(kind));
      afterNextRender(
        () =>
          this.host.nativeElement
            .querySelector<HTMLInputElement>(`[formControlName="${FIRST_FIELDS[kind]}"]`)
            ?.focus(),
        { injector: this.injector },
      );
    });
    // In (the lobby or the meeting): nothing the agent typed stays on screen (or in memory) longer
    // than it is needed. A join that fails keeps it, to correct and try again.
    effect(() => {
      if (!this.entered()) return;
      // resetForm on the shown form: reset alone leaves it submitted, every emptied field in error.
      untracked(() => this.forms()).forEach((form) => form.resetForm());
      for (const form of [this.byLink, this.byCoordinates, this.byMeetingId]) form.reset();
      this.showPasscode.set(false);
    });
  }

  protected problemOf(control: FormControl<string>): string {
    return (control.errors?.['problem'] as string | undefined) ?? '';
  }

  protected join(kind: MeetingLocatorKind): void {
    const form = { link: this.byLink, coordinates: this.byCoordinates, meetingId: this.byMeetingId }[kind];
    form.markAllAsTouched();
    if (form.invalid || this.joining()) return;
    const locator = this.locator(kind);
    if (!locator.ok) return;
    this.store.dispatch(
      MeetingJoinFormActions.joinClicked({ ticket: this.meetingLocators.seal(locator.value), kind }),
    );
  }

  private locator(kind: MeetingLocatorKind): Parsed<MeetingLocator> {
    switch (kind) {
      case 'link':
        return parseMeetingLink(this.byLink.controls.meetingLink.value);
      case 'coordinates':
        return parseMeetingCoordinates(this.byCoordinates.getRawValue());
      case 'meetingId': {
        const { meetingId, passcode } = this.byMeetingId.getRawValue();
        return parseMeetingIdAndPasscode(meetingId, passcode);
      }
    }
  }
}
