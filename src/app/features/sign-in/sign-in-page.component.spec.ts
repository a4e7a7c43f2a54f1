import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { AuthService } from '../../core/auth/auth.service';
import type { SignedInUser } from '../../core/auth/signed-in-user';
import { provideTestState } from '../../state/testing/provide-test-state';
import { SignInPageComponent } from './sign-in-page.component';

const users: SignedInUser[] = [
  { key: 'alex', displayName: 'Alex Rivera', role: 'agent', microsoftTeamsUserId: 'a' },
  { key: 'sam', displayName: 'Sam Okafor', role: 'supervisor', microsoftTeamsUserId: 's' },
];

describe('SignInPageComponent', () => {
  async function setUp(loadUsers: () => Promise<SignedInUser[]>) {
    TestBed.configureTestingModule({
      providers: [...provideTestState(), { provide: AuthService, useValue: { users: loadUsers } }],
    });
    const fixture = TestBed.createComponent(SignInPageComponent);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
    const text = () => ((fixture.nativeElement as HTMLElement).textContent ?? '').replace(/\s+/g, ' ');
    return { fixture, loader, text };
  }

  it('offers each user of the directory with their role', async () => {
    const { loader, text } = await setUp(async () => users);
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    expect(await Promise.all(buttons.map((b) => b.getText()))).toEqual(['Alex Rivera', 'Sam Okafor']);
    expect(text()).toContain('Supervisor');
  });

  it('shows that it is signing in and blocks a second pick', async () => {
    const { fixture, loader, text } = await setUp(async () => users);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Alex Rivera' }))).click();
    await fixture.whenStable();
    expect(text()).toContain('Signing in…');
    expect(
      await (await loader.getHarness(MatButtonHarness.with({ text: 'Sam Okafor' }))).isDisabled(),
    ).toBeTrue();
  });

  it('says why the users could not be loaded and offers to try again', async () => {
    const { loader, text } = await setUp(async () => {
      throw new Error('Could not load the list of users: the emulator is not reachable.');
    });
    expect(text()).toContain('the emulator is not reachable');
    expect(await loader.getAllHarnesses(MatButtonHarness.with({ text: 'Try again' }))).toHaveSize(1);
  });
});
