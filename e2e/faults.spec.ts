import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import {
  acceptCall,
  clearFaults,
  consoleOf,
  dropConnection,
  hangUpWaitingCallers,
  injectFault,
  legsOf,
  legWith,
  queueCall,
  ringingAt,
  serverPid,
  setAcsTokenLifetime,
  signIn,
} from './emulator-api';

// Faults a contact-center day brings, injected through the emulator: a connection lost for a while
// and for good, operations the calling service refuses, a calling token that will not renew at
// first, and server/ restarted under the consoles. After each, what the console shows is what the
// emulator holds.

const chip = (page: Page) => page.getByRole('banner').getByRole('status');
const activeCall = (page: Page) => page.getByRole('region', { name: 'Active call' });

test.afterEach(async ({ request }) => {
  await clearFaults(request);
  await setAcsTokenLifetime(request, null);
  await hangUpWaitingCallers(request);
});

/** A failure said once on the whole page, where the agent acted, with its code. */
async function expectSaidOnce(page: Page, where: Locator, message: string, code: string): Promise<void> {
  const alert = where.getByRole('alert').filter({ hasText: message });
  await expect(alert).toHaveText(`${message} (code ${code})`, { useInnerText: true });
  await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(1);
}

/** The agent's call with `name` as the emulator holds it, once it agrees with what the console shows. */
async function expectLeg(
  request: APIRequestContext,
  name: string,
  leg: { state: string; isMuted: boolean },
): Promise<void> {
  await expect
    .poll(async () => {
      const found = await legWith(request, 'alex', name);
      return found && { state: found.state, isMuted: found.isMuted };
    })
    .toEqual(leg);
}

test('a connection lost for 30 seconds says Reconnecting, comes back with its call, and the agent takes the next call', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550211', displayName: 'Morgan Lee' });
  await acceptCall(page, 'Morgan Lee');

  await dropConnection(request, 'alex', 30);
  await expect(chip(page)).toHaveText('Reconnecting…');
  // The SDK keeps trying for two minutes: 30 s is well within it, so nothing ends meanwhile.
  await expect(chip(page)).toHaveText('Online', { timeout: 60_000 });
  await expect(page.getByText('Your call with Morgan Lee is still up.')).toBeVisible();
  await expect(activeCall(page).getByText('Call state: Connected')).toBeVisible();
  await expectLeg(request, 'Morgan Lee', { state: 'Connected', isMuted: false });

  await queueCall(request, { from: '+14255550212', displayName: 'Quinn Hale' });
  await acceptCall(page, 'Quinn Hale');
  await expectLeg(request, 'Quinn Hale', { state: 'Connected', isMuted: false });
  await expectLeg(request, 'Morgan Lee', { state: 'LocalHold', isMuted: false });
});

test('a connection lost for longer than two minutes ends the calls, each with its reason by name, and the console takes calls again', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550221', displayName: 'Reese Grant' });
  await acceptCall(page, 'Reese Grant');
  await queueCall(request, { from: '+14255550222', displayName: 'Sasha Ives' });
  await acceptCall(page, 'Sasha Ives');

  // Past the SDK's two minutes of retries, and the world's two-minute resume window: real time,
  // since the console's give-up and the SDK's are the point of the test.
  await dropConnection(request, 'alex', 135);
  await expect(chip(page)).toHaveText('Reconnecting…');
  for (const caller of ['Reese Grant', 'Sasha Ives'])
    await expect(
      page.getByText(`Your call with ${caller} ended: The network was lost and reconnecting gave up.`),
    ).toBeVisible({ timeout: 180_000 });
  await expect(chip(page)).toHaveText('Online', { timeout: 60_000 });
  expect(await legsOf(request, 'alex')).toEqual([]);

  await queueCall(request, { from: '+14255550223', displayName: 'Toni Marsh' });
  await acceptCall(page, 'Toni Marsh');
  await expectLeg(request, 'Toni Marsh', { state: 'Connected', isMuted: false });
});

test('operations the calling service refuses (500, 429, 403) are said once where the agent acted, and the console agrees with the emulator afterwards', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550231', displayName: 'Uma Reyes' });
  const ringing = page.getByRole('listitem', { name: 'Call from Uma Reyes' });

  // Accept: 500. The call still rings here, in the console and in the world.
  await injectFault(request, { op: 'accept', code: 500 });
  await ringing.getByRole('button', { name: 'Accept' }).click();
  await expectSaidOnce(page, ringing, 'The calling service had a problem. Try again.', '500');
  await expect(ringing.getByRole('button', { name: 'Accept' })).toBeEnabled();
  expect(await ringingAt(request, 'Uma Reyes')).toEqual(['alex']);
  const call = await acceptCall(page, 'Uma Reyes');
  await expectLeg(request, 'Uma Reyes', { state: 'Connected', isMuted: false });

  // Mute: 429, throttled. Still unmuted on both sides.
  await injectFault(request, { op: 'mute', code: 429 });
  await call.getByRole('button', { name: 'Mute', exact: true }).click();
  await expectSaidOnce(
    page,
    call,
    'Too many mute requests in a short time. Wait a few seconds and try again.',
    '429',
  );
  await expect(call.getByRole('button', { name: 'Mute', exact: true })).toBeEnabled();
  await expect(call.getByText('Muted', { exact: true })).toHaveCount(0);
  await expectLeg(request, 'Uma Reyes', { state: 'Connected', isMuted: false });

  // Hold: 500/41033. Still live on both sides.
  await injectFault(request, { op: 'hold', code: 500, subCode: 41033 });
  await call.getByRole('button', { name: 'Hold', exact: true }).click();
  await expectSaidOnce(page, call, 'Putting the call on hold failed. The call is still live.', '500/41033');
  await expect(call.getByText('Call state: Connected')).toBeVisible();
  await expectLeg(request, 'Uma Reyes', { state: 'Connected', isMuted: false });

  // Transfer: 403. The caller stays with the agent, connected on both sides.
  await injectFault(request, { op: 'transfer', code: 403 });
  await call.getByRole('button', { name: 'Transfer', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Transfer the call' });
  await dialog.getByRole('combobox').first().pressSequentially('Blake');
  await page.getByRole('option', { name: /Blake Chen/ }).click();
  await dialog.getByRole('button', { name: 'Transfer now' }).click();
  // Refused by the service, not by Blake Chen: the transfer panel's notice says so, with the code.
  const refused = call.getByRole('status').filter({ hasText: 'Transfer to Blake Chen failed' });
  await expect(refused).toHaveText(
    'Transfer to Blake Chen failed: The calling service does not allow this transfer. Uma Reyes is back with you.',
  );
  await expect(refused.locator('..')).toContainText('(code 403)');
  await expect(page.getByText(/Transfer to Blake Chen failed/)).toHaveCount(1);
  await expect(call.getByText('Call state: Connected')).toBeVisible();
  await expectLeg(request, 'Uma Reyes', { state: 'Connected', isMuted: false });

  // Each refusal left the next operation alone: the agent mutes, then hangs up.
  await call.getByRole('button', { name: 'Mute', exact: true }).click();
  await expect(call.getByText('Muted', { exact: true })).toBeVisible();
  await expectLeg(request, 'Uma Reyes', { state: 'Connected', isMuted: true });
  await call.getByRole('button', { name: 'Hang up' }).click();
  await expect(call.getByRole('status')).toHaveText('Call with Uma Reyes ended: You hung up.');
});

test('a calling token whose renewal fails three times, then succeeds, drops no call', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  // ACS tokens of a minute: the SDK's credential renews one halfway through its life (30 s),
  // as it renews an hour's token 10 minutes before its end: the same refresher, sooner.
  await setAcsTokenLifetime(request, 60);
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550241', displayName: 'Vic Olsen' });
  const call = await acceptCall(page, 'Vic Olsen');

  // ACS identity throttles the next three exchanges server/ asks for (a 429 the SDK does not retry).
  await injectFault(request, { op: 'getTokenForTeamsUser', code: 429 }, 3);
  const banner = page.getByRole('alert', { name: 'Calling sign-in' });
  await expect(banner).toContainText('Switchboard keeps trying (attempt 3', { timeout: 60_000 });
  await expect(banner).toHaveCount(0, { timeout: 30_000 });

  await expect(call.getByText('Call state: Connected')).toBeVisible();
  await expect(chip(page)).toHaveText('Online');
  await expectLeg(request, 'Vic Olsen', { state: 'Connected', isMuted: false });
  await queueCall(request, { from: '+14255550242', displayName: 'Wren Abbott' });
  await acceptCall(page, 'Wren Abbott');
  await expectLeg(request, 'Vic Olsen', { state: 'LocalHold', isMuted: false });
});

test('server/ restarted mid-shift: the agent keeps the call, and the supervisor’s floor shows the agent on it again', async ({
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  const sam = await consoleOf(browser, 'Sam Okafor');
  await expect(sam).toHaveURL(/\/supervisor$/);
  const alex = await consoleOf(browser, 'Alex Rivera');
  await queueCall(request, { from: '+14255550251', displayName: 'Yael Brandt', queue: 'Billing' });
  const call = await acceptCall(alex, 'Yael Brandt');
  const alexRow = sam
    .getByRole('table', { name: 'Agents' })
    .getByRole('row')
    .filter({ hasText: 'Alex Rivera' });
  await expect(alexRow).toContainText('On a call');
  await expect(alexRow).toContainText('Yael Brandt');

  const pid = await serverPid(request);
  process.kill(pid, 'SIGKILL');
  await expect.poll(() => serverPid(request).catch(() => 0), { timeout: 60_000 }).not.toBe(pid);

  // A new server/ knows nothing of the floor: each console reports again when it re-subscribes.
  await expect(alexRow).toContainText('On a call', { timeout: 60_000 });
  await expect(alexRow).toContainText('Yael Brandt');
  await expect(alexRow).toContainText('Billing');
  await expect(call.getByText('Call state: Connected')).toBeVisible();
  await expectLeg(request, 'Yael Brandt', { state: 'Connected', isMuted: false });

  await call.getByRole('button', { name: 'Hang up' }).click();
  await expect(alexRow).toContainText('After-call work');
  await alex.context().close();
  await sam.context().close();
});
