import { consoles } from './consoles';

/** The phone number the group call has in it (it answers after its early media). */
export const GROUP_CALL_PHONE = { phoneNumber: '+14255550199' };

/** Alex in a group call with Blake (answered) and a phone number (answered after its early media). */
export async function groupCall() {
  const context = await consoles('alex', 'blake');
  const { emulator, world, consoles: c } = context;
  const thread = world.threads.create(
    { members: [c.alex.identifier.microsoftTeamsUserId, c.blake.identifier.microsoftTeamsUserId] },
    0,
  );
  const call = c.alex.agent.startCall([c.blake.identifier, GROUP_CALL_PHONE], { threadId: thread.id });
  await emulator.settle();
  const blakeCall = await c.blake.ringing[0].accept();
  await emulator.advance(5_000);
  return { ...context, thread, call, blakeCall };
}
