import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { listenersOf, queueCall, signIn } from './emulator-api';

/** A console of its own (a browser context each, as two agents' machines are), signed in. */
async function consoleOf(browser: Browser, displayName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, displayName);
  return page;
}

/** A meeting scheduled in the emulator for this test, and its link, as an invitation has it. */
async function scheduleMeeting(
  request: APIRequestContext,
  meeting: { lobby: boolean; presenters: 'everyone' | 'organizer'; autoAdmitSeconds?: number },
): Promise<string> {
  const response = await request.post('/emulator/meetings', { data: { organizer: 'sam', ...meeting } });
  await expect(response).toBeOK();
  return ((await response.json()) as { link: string }).link;
}

async function joinByLink(page: Page, link: string): Promise<void> {
  const join = page.getByRole('region', { name: 'Join a Teams meeting' });
  await join.getByRole('textbox', { name: 'Meeting link' }).fill(link);
  await join.getByRole('button', { name: 'Join', exact: true }).click();
}

test('in a meeting, cameras show as tiles, and an agent muted by another is told so', async ({
  browser,
  request,
}) => {
  const link = await scheduleMeeting(request, { lobby: false, presenters: 'everyone' });
  const alex = await consoleOf(browser, 'Alex Rivera');
  const blake = await consoleOf(browser, 'Blake Chen');
  await expect.poll(() => listenersOf(request, 'blake')).toBeGreaterThan(0);
  const blakeBaseline = await listenersOf(request, 'blake');

  await joinByLink(alex, link);
  await joinByLink(blake, link);
  const atAlex = alex.getByRole('region', { name: 'Active call' });
  const atBlake = blake.getByRole('region', { name: 'Active call' });
  await expect(atAlex).toContainText('Teams meeting');
  await expect(atAlex.getByRole('listitem', { name: 'Blake Chen' })).toContainText('Connected');
  await expect(atBlake.getByText('2 people, you are a presenter')).toBeVisible();

  // Blake turns his camera on (Chromium's fake camera): his preview, and a tile at Alex's.
  await atBlake.getByRole('button', { name: 'Start video' }).click();
  await expect(atBlake.getByRole('figure', { name: 'Your camera' }).locator('video')).toBeVisible();
  await expect(atAlex.getByRole('figure', { name: 'Blake Chen' }).locator('video')).toBeVisible();
  await expect(atAlex.getByRole('listitem', { name: 'Blake Chen' })).toContainText('Camera on');

  // Alex mutes Blake from the roster: Blake's console says who did it, until he dismisses it.
  await atAlex.getByRole('button', { name: 'Mute Blake Chen' }).click();
  await expect(atAlex.getByRole('listitem', { name: 'Blake Chen' })).toContainText('Muted');
  const notice = atBlake.getByRole('status').filter({ hasText: 'You were muted by another participant.' });
  await expect(notice).toBeVisible();
  await expect(atBlake.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);

  // Blake stops his camera: the tile goes from Alex's console.
  await atBlake.getByRole('button', { name: 'Stop video' }).click();
  await expect(atAlex.getByRole('figure', { name: 'Blake Chen' })).toHaveCount(0);

  await atBlake.getByRole('button', { name: 'Hang up' }).click();
  await expect(atBlake.getByRole('status')).toHaveText('Meeting ended: You hung up.');
  await expect(atAlex.getByRole('listitem', { name: 'Blake Chen' })).toHaveCount(0);
  await expect.poll(() => listenersOf(request, 'blake')).toBe(blakeBaseline);
  await alex.context().close();
  await blake.context().close();
});

test('an attendee waits in the lobby, then sees why they may not mute or remove others', async ({
  page,
  request,
}) => {
  const link = await scheduleMeeting(request, { lobby: true, presenters: 'organizer', autoAdmitSeconds: 2 });
  await signIn(page, 'Alex Rivera');
  await joinByLink(page, link);
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Waiting in the lobby')).toBeVisible();
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  await expect(active.getByText('you are an attendee')).toBeVisible();
  await expect(
    active.getByText('Only the organizer and presenters can remove people from this meeting.'),
  ).toBeVisible();
  await expect(active.getByRole('button', { name: 'Mute all others' })).toBeDisabled();
});

test('on a phone call, the keypad sends the tones pressed and typed, in order, and shows them', async ({
  page,
  request,
}) => {
  await signIn(page, 'Alex Rivera');
  await queueCall(request, { from: '+14255550166', displayName: 'Quinn Hale' });
  await page
    .getByRole('listitem', { name: 'Call from Quinn Hale' })
    .getByRole('button', { name: 'Accept' })
    .click();
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();

  const keypad = active.getByRole('group', { name: 'Keypad' });
  await keypad.getByRole('button', { name: '1', exact: true }).click();
  await keypad.getByRole('button', { name: 'pound' }).click();
  await keypad.getByRole('button', { name: '5', exact: true }).focus();
  await page.keyboard.type('42*');
  await expect(active.getByText('Tones sent: 1 # 4 2 *')).toBeVisible();

  // The world records the tones each call received (the call with Quinn's number).
  const state = (await (await request.get('/emulator/state')).json()) as {
    calls: { dtmf: { tone: string }[] }[];
  };
  const withQuinn = state.calls.filter((call) => JSON.stringify(call).includes('+14255550166'));
  expect(withQuinn.flatMap((call) => call.dtmf.map((d) => d.tone))).toEqual([
    'Num1',
    'Pound',
    'Num4',
    'Num2',
    'Star',
  ]);
});
