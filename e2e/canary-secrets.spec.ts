import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { signIn } from './emulator-api';
import {
  plainTextHits,
  recordContext,
  seenInBrowser,
  servicesLog,
  tokenForms,
  type Secret,
  type Seen,
} from './secret-scan';

/** A meeting scheduled in the emulator: its link, ID and passcode, as an invitation has them. */
async function scheduleMeeting(request: APIRequestContext) {
  const response = await request.post('/emulator/meetings', {
    data: { organizer: 'sam', subject: 'Canary', lobby: false },
  });
  await expect(response).toBeOK();
  return (await response.json()) as { link: string; meetingId: string; passcode: string };
}

async function joinedThenHungUp(page: Page, fill: (join: ReturnType<Page['getByRole']>) => Promise<void>) {
  const join = page.getByRole('region', { name: 'Join a Teams meeting' });
  await fill(join);
  await join.getByRole('button', { name: 'Join', exact: true }).click();
  const active = page.getByRole('region', { name: 'Active call' });
  await expect(active.getByText('Call state: Connected')).toBeVisible();
  await active.getByRole('button', { name: 'Hang up' }).click();
  // The meeting's after-call work, done, so the join form takes the next one.
  await page.getByRole('region', { name: 'After-call work' }).getByRole('button', { name: 'Done' }).click();
  await expect(active.getByText('Call state: Connected')).toHaveCount(0);
}

test('the ACS token, a meeting link, ID and passcode reach no log, URL or browser storage in plain text', async ({
  page,
  request,
}) => {
  const recorded = recordContext(page.context());
  const meeting = await scheduleMeeting(request);
  await signIn(page, 'Alex Rivera');

  // The link first: its tab is the one the form opens on.
  await joinedThenHungUp(page, async (join) => {
    await join.getByRole('textbox', { name: 'Meeting link' }).fill(meeting.link);
  });
  await joinedThenHungUp(page, async (join) => {
    await join.getByRole('tab', { name: 'Meeting ID' }).click();
    await join.getByRole('textbox', { name: 'Meeting ID' }).fill(meeting.meetingId);
    await join.getByLabel('Passcode').fill(meeting.passcode);
  });
  // A reload reads back whatever the console kept: it must not be a secret either.
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Online' })).toBeVisible();

  expect(recorded.acsTokens.size, 'the console was handed an ACS token').toBeGreaterThan(0);
  const grouped = meeting.meetingId.replace(/(\d{3})(?=\d)/g, '$1 ');
  const secrets: Secret[] = [
    ...[...recorded.acsTokens].flatMap((token) => tokenForms('the ACS token', token)),
    { name: 'the meeting ID', value: meeting.meetingId },
    { name: 'the meeting ID, grouped', value: grouped },
    { name: 'the passcode', value: meeting.passcode },
    { name: 'the meeting link', value: meeting.link },
    { name: 'the meeting link, encoded', value: encodeURIComponent(meeting.link) },
  ];
  const services = servicesLog();
  // The scan reads what the services logged in this run: server/ logged the token exchange's path.
  expect(services.text).toContain('/api/token');
  const seen: Seen[] = [...(await seenInBrowser(recorded, page)), services];
  expect(plainTextHits(secrets, seen)).toEqual([]);
  // Entra ID's tokens are MSAL's to keep (encrypted in localStorage): they reach no log or URL.
  const bearers = [...recorded.bearers].flatMap((token) => tokenForms('an Entra access token', token));
  expect(bearers.length, 'the console sent Entra access tokens').toBeGreaterThan(0);
  const logsAndUrls = seen.filter(({ where }) => !/Storage|indexedDB|cookies/.test(where));
  expect(plainTextHits(bearers, logsAndUrls)).toEqual([]);
});
