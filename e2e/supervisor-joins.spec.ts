import { expect, test, type Browser } from '@playwright/test';
import { consoleOf, queueCall, rosterOf } from './emulator-api';

/** Alex takes a queued call from Casey Morgan; Sam, the supervisor, watches the floor. */
async function agentOnAQueuedCall(browser: Browser, request: Parameters<typeof queueCall>[0]) {
  const sam = await consoleOf(browser, 'Sam Okafor');
  await expect(sam).toHaveURL(/\/supervisor$/);
  const alex = await consoleOf(browser, 'Alex Rivera');

  await queueCall(request, { from: '+14255550142', displayName: 'Casey Morgan', queue: 'Billing' });
  const ringing = alex.getByRole('listitem', { name: 'Call from Casey Morgan' });
  await ringing.getByRole('button', { name: 'Accept' }).click();
  const atAlex = alex.getByRole('region', { name: 'Active call' });
  await expect(atAlex.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText(
    'Connected',
  );

  // The floor shows Alex on the call, from Alex's own console's report.
  const agents = sam.getByRole('table', { name: 'Agents' });
  const alexRow = agents.getByRole('row').filter({ hasText: 'Alex Rivera' });
  await expect(alexRow).toContainText('On a call');
  await expect(alexRow).toContainText('Casey Morgan');
  await expect(alexRow).toContainText('Billing');
  return { sam, alex, atAlex, alexRow };
}

test('an agent asks the supervisor in; the supervisor joins from the request card, mutes the caller, and both consoles agree on who muted whom', async ({
  browser,
  request,
}) => {
  const { sam, alex, atAlex } = await agentOnAQueuedCall(browser, request);

  // One click on Alex's side; a card on Sam's floor.
  await atAlex.getByRole('button', { name: 'Ask supervisor' }).click();
  await expect(atAlex.getByRole('group', { name: 'Asking a supervisor' })).toContainText(
    'Asking a supervisor',
  );
  const card = sam.getByRole('listitem', { name: 'Alex Rivera asks for help' });
  await expect(card).toContainText('Casey Morgan');
  await expect(card).toContainText('Billing');
  await card.getByRole('button', { name: 'Join Alex Rivera’s call with Casey Morgan' }).click();

  // Alex's console is told, and adds Sam through the escalation's steps; Sam's console answers.
  // ("Sam Okafor is joining." shows only until Sam's step settles, which can be within one poll.)
  await expect(atAlex.getByRole('listitem', { name: 'Adding Sam Okafor' })).toContainText(
    'Sam Okafor joined the call.',
  );
  const atSam = sam.getByRole('region', { name: 'Active call' });
  await expect(atSam.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText('Connected');
  await expect(atSam.getByRole('listitem', { name: 'Alex Rivera', exact: true })).toContainText('Connected');
  await expect(atAlex.getByRole('listitem', { name: 'Sam Okafor', exact: true })).toContainText('Connected');

  // Now a group call, where muting works: Sam mutes the caller.
  await atSam.getByRole('button', { name: 'Mute Casey Morgan' }).click();
  await expect(atSam.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText('Muted');
  await expect(atAlex.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText('Muted');
  await expect(atAlex.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText(
    'Muted by Sam Okafor',
  );

  const alexSees = await rosterOf(atAlex);
  const samSees = await rosterOf(atSam);
  expect([...alexSees.keys()].sort()).toEqual(['Casey Morgan', 'Sam Okafor']);
  expect([...samSees.keys()].sort()).toEqual(['Alex Rivera', 'Casey Morgan']);
  expect(samSees.get('Casey Morgan')).toContain('Muted');
  expect(alexSees.get('Sam Okafor')).toContain('Connected');
  expect(samSees.get('Casey Morgan')).toContain('Muted by you');

  // Alex leaves; the call goes on between Sam and the caller, and the words say so.
  await atAlex.getByRole('button', { name: 'Hang up' }).click();
  await expect(atAlex.getByRole('status')).toHaveText(
    'You left; the call goes on with Casey Morgan and Sam Okafor.',
  );
  await expect(atSam.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText('Connected');
  const alexRow = sam
    .getByRole('table', { name: 'Agents' })
    .getByRole('row')
    .filter({ hasText: 'Alex Rivera' });
  // The floor sees Alex wrap the call up, then Available.
  await expect(alexRow).toContainText('After-call work');
  await alex.getByRole('region', { name: 'After-call work' }).getByRole('button', { name: 'Done' }).click();
  await expect(alexRow).toContainText('Available');

  await alex.context().close();
  await sam.context().close();
});

test('a supervisor joins an agent’s call from the floor without being asked, and the agent reads who muted him', async ({
  browser,
  request,
}) => {
  const { sam, alex, atAlex, alexRow } = await agentOnAQueuedCall(browser, request);

  await alexRow.getByRole('button', { name: 'Join Alex Rivera’s call with Casey Morgan' }).click();
  await expect(atAlex.getByRole('listitem', { name: 'Adding Sam Okafor' })).toContainText(
    'Sam Okafor joined the call.',
  );
  const atSam = sam.getByRole('region', { name: 'Active call' });
  await expect(atSam.getByRole('listitem', { name: 'Alex Rivera', exact: true })).toContainText('Connected');
  await expect(atAlex.getByRole('listitem', { name: 'Sam Okafor', exact: true })).toContainText('Connected');

  await atSam.getByRole('button', { name: 'Mute Alex Rivera' }).click();
  await expect(atAlex.getByText('Muted by Sam Okafor.')).toBeVisible();
  await expect(atSam.getByRole('listitem', { name: 'Alex Rivera', exact: true })).toContainText('Muted');

  await alex.context().close();
  await sam.context().close();
});

test('an agent escalates a queued call to the supervisor from the directory; the supervisor’s card says whose call it is', async ({
  browser,
  request,
}) => {
  const { sam, alex, atAlex } = await agentOnAQueuedCall(browser, request);

  // One dialog: pick Sam from the directory, Confirm.
  await atAlex.getByRole('button', { name: 'Escalate' }).click();
  const dialog = alex.getByRole('dialog', { name: 'Escalate the call' });
  await dialog.getByRole('combobox', { name: 'Name or phone number' }).pressSequentially('Sam');
  await alex.getByRole('option', { name: /Sam Okafor/ }).click();
  await dialog.getByRole('button', { name: 'Confirm' }).click();
  await expect(dialog).toBeHidden();

  // The steps show where Alex acted, by name; Sam's console rings with who and what it is.
  await expect(atAlex.getByRole('listitem', { name: 'Adding Sam Okafor' })).toContainText('Ringing');
  const ringing = sam.getByRole('listitem', { name: 'Call from Alex Rivera' });
  await expect(ringing).toContainText('Alex Rivera is bringing you into a call with Casey Morgan (Billing)');
  await ringing.getByRole('button', { name: 'Accept' }).click();

  await expect(atAlex.getByRole('listitem', { name: 'Adding Sam Okafor' })).toContainText(
    'Sam Okafor joined the call.',
  );
  const atSam = sam.getByRole('region', { name: 'Active call' });
  await expect(atSam.getByRole('listitem', { name: 'Casey Morgan', exact: true })).toContainText('Connected');
  await expect(atAlex.getByRole('listitem', { name: 'Sam Okafor', exact: true })).toContainText('Connected');

  await alex.context().close();
  await sam.context().close();
});
