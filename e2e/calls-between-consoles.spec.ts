import { expect, test, type APIRequestContext } from '@playwright/test';
import { consoleOf, rosterOf, signIn } from './emulator-api';
import { plainTextHits, recordContext, seenInBrowser } from './secret-scan';

test('an agent calls another Teams user, adds a phone number with a chat, mutes it, and both consoles show the same roster', async ({
  browser,
}) => {
  const alex = await consoleOf(browser, 'Alex Rivera');
  const blake = await consoleOf(browser, 'Blake Chen');

  // Alex finds Blake in the directory by name and calls him.
  const dialer = alex.getByRole('region', { name: 'Place a call' });
  await dialer
    .getByRole('combobox', { name: 'Name, phone number or Teams user id' })
    .pressSequentially('Bla');
  await alex.getByRole('option', { name: /Blake Chen/ }).click();
  await dialer.getByRole('button', { name: 'Call', exact: true }).click();

  // It rings at Blake's console; he accepts.
  const ringing = blake.getByRole('listitem', { name: 'Call from Alex Rivera' });
  await ringing.getByRole('button', { name: 'Accept' }).click();
  const atAlex = alex.getByRole('region', { name: 'Active call' });
  const atBlake = blake.getByRole('region', { name: 'Active call' });
  await expect(atAlex.getByRole('listitem', { name: 'Blake Chen' })).toContainText('Connected');
  await expect(atBlake.getByRole('listitem', { name: 'Alex Rivera' })).toContainText('Connected');

  // Alex adds a phone number: the call gets a chat (Alex and the phone stand-in), then the number.
  await atAlex.getByRole('button', { name: 'Add participant' }).click();
  const dialog = alex.getByRole('dialog', { name: 'Escalate the call' });
  await dialog.getByRole('combobox', { name: 'Name or phone number' }).pressSequentially('+14255550123');
  await expect(dialog.getByRole('combobox', { name: 'Name or phone number' })).toHaveValue('+1 425 555 0123');
  await dialog.getByRole('button', { name: 'Confirm', exact: true }).click();
  await expect(dialog).toBeHidden();
  const phone = '+1 (425) 555-0123';
  await expect(atAlex.getByRole('listitem', { name: phone })).toContainText('Connected');
  await expect(atBlake.getByRole('listitem', { name: phone })).toContainText('Connected');

  // Alex mutes the phone party from the roster; Blake's console sees it muted too.
  await atAlex.getByRole('button', { name: `Mute ${phone}` }).click();
  await expect(atAlex.getByRole('listitem', { name: phone })).toContainText('Muted');
  await expect(atBlake.getByRole('listitem', { name: phone })).toContainText('Muted');

  // The same call on both: each sees the other and the muted phone party, in the same states.
  const alexSees = await rosterOf(atAlex);
  const blakeSees = await rosterOf(atBlake);
  expect([...alexSees.keys()].sort()).toEqual([phone, 'Blake Chen'].sort());
  expect([...blakeSees.keys()].sort()).toEqual([phone, 'Alex Rivera'].sort());
  // Each reads who muted the phone party: the floor tells Blake's console it was Alex.
  expect(alexSees.get(phone)).toBe('Connected Muted by you');
  expect(blakeSees.get(phone)).toBe('Connected Muted by Alex Rivera');
  expect(alexSees.get('Blake Chen')).toContain('Connected');
  expect(blakeSees.get('Alex Rivera')).toContain('Connected');

  await alex.context().close();
  await blake.context().close();
});

/** A meeting scheduled in the emulator for this test: its ID and passcode, as an invitation has them. */
async function scheduleMeeting(request: APIRequestContext) {
  const response = await request.post('/emulator/meetings', {
    data: { organizer: 'sam', subject: 'Escalations', lobby: true, autoAdmitSeconds: 3 },
  });
  await expect(response).toBeOK();
  return (await response.json()) as { meetingId: string; passcode: string };
}

test('an agent joins a meeting by ID and passcode, waits in the lobby, and neither reaches the URL, storage or the console log', async ({
  page,
  request,
}) => {
  const recorded = recordContext(page.context());
  const { meetingId, passcode } = await scheduleMeeting(request);
  await signIn(page, 'Alex Rivera');

  const join = page.getByRole('region', { name: 'Join a Teams meeting' });
  await join.getByRole('tab', { name: 'Meeting ID' }).click();
  const id = join.getByRole('textbox', { name: 'Meeting ID' });
  await id.fill(`${meetingId.slice(0, 3)} ${meetingId.slice(3, 6)} ${meetingId.slice(6, 9)}`);
  const code = join.getByLabel('Passcode');
  await code.fill(passcode);
  await expect(code).toHaveAttribute('type', 'password');
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(join.getByText('A meeting ID has 12 digits; this one has 9.')).toBeVisible();

  await id.fill(
    `${meetingId.slice(0, 3)} ${meetingId.slice(3, 6)} ${meetingId.slice(6, 9)} ${meetingId.slice(9)}`,
  );
  await join.getByRole('button', { name: 'Join' }).click();
  await expect(join.getByRole('status')).toHaveText(
    'Waiting in the lobby: someone in the meeting will let you in.',
  );
  await expect(page.getByRole('region', { name: 'Active call' })).toContainText('Connected');
  await expect(join.getByRole('status')).toHaveCount(0);
  await expect(id).toHaveValue('');

  // The services' logs and the ACS token are canary-secrets.spec.ts's to scan.
  const seen = await seenInBrowser(recorded, page);
  const secrets = [
    { name: 'the meeting ID', value: meetingId },
    { name: 'the passcode', value: passcode },
  ];
  expect(plainTextHits(secrets, seen)).toEqual([]);
});
