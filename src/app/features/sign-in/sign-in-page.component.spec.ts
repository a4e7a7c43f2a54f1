import { Location } from '@angular/common';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ActionsSubject, Store, type Action } from '@ngrx/store';
import { AuthApiActions } from '../../state/agent/auth-api.actions';
import { SignInPageActions } from '../../state/agent/sign-in-page.actions';
import { AUDIO_CONTEXT_FACTORY } from '../../core/ringtone';
import { FakeAudioContext, fakeAudioContextFactory } from '../../core/testing/fake-audio-context';
import { provideTestState } from '../../state/testing/provide-test-state';
import { SignInPageComponent } from './sign-in-page.component';

describe('SignInPageComponent', () => {
  let audio: FakeAudioContext;

  async function setUp() {
    audio = new FakeAudioContext();
    TestBed.configureTestingModule({
      providers: [
        ...provideTestState(),
        provideRouter([]),
        { provide: AUDIO_CONTEXT_FACTORY, useValue: fakeAudioContextFactory(audio) },
      ],
    });
    const fixture = TestBed.createComponent(SignInPageComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const dispatched: Action[] = [];
    TestBed.inject(ActionsSubject).subscribe((action) => dispatched.push(action));
    await fixture.whenStable();
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    return { fixture, loader, text, dispatched, store: TestBed.inject(Store) };
  }

  it('offers to sign in with Microsoft, and leaves for its sign-in page when asked', async () => {
    const { loader, text, dispatched } = await setUp();
    expect(text()).toContain('Sign in');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in with Microsoft' }))).click();
    expect(dispatched).toContain(SignInPageActions.signInClicked());
  });

  it('lets sound play from the sign-in click on, so the first call’s ringtone is heard', async () => {
    const { loader } = await setUp();
    audio.useThePage();
    expect(audio.state).toBe('suspended');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Sign in with Microsoft' }))).click();
    expect(audio.state).toBe('running');
  });

  it('says why the last sign-in failed', async () => {
    const { fixture, store, text } = await setUp();
    store.dispatch(
      AuthApiActions.signInFailed({
        failure: {
          message: 'Sign-in did not complete: AADSTS65004: User declined to consent to access the app.',
        },
      }),
    );
    await fixture.whenStable();
    expect(text()).toContain(
      'Sign-in did not complete: AADSTS65004: User declined to consent to access the app.',
    );
    expect((fixture.nativeElement as HTMLElement).querySelector('[role="alert"]')).not.toBeNull();
  });

  it('says a cancelled sign-in was cancelled, and offers to sign in again', async () => {
    const { fixture, store, text, loader } = await setUp();
    store.dispatch(
      AuthApiActions.signInFailed({ failure: { message: 'Sign-in was cancelled. Sign in to continue.' } }),
    );
    await fixture.whenStable();
    expect(text()).toContain('Sign-in was cancelled. Sign in to continue.');
    expect(text()).not.toContain('AADSTS');
    expect(
      await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Sign in with Microsoft' })),
    ).not.toBeNull();
  });

  it('drops the ?state= Entra’s sign-out comes back with from the address bar', async () => {
    TestBed.configureTestingModule({
      providers: [
        ...provideTestState(),
        provideRouter([{ path: 'sign-in', component: SignInPageComponent }]),
      ],
    });
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/sign-in?state=eyJpZCI6IjAxOTMifQ');
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe('/sign-in');
    expect(TestBed.inject(Location).path()).toBe('/sign-in');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Sign in');
  });
});
