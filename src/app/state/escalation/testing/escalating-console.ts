import { TestBed } from '@angular/core/testing';
import { Actions } from '@ngrx/effects';
import { formatPhoneNumberAsTyped } from '../../../calling/phone-number';
import { inProcessGraph } from '../../../graph/testing/in-process-graph';
import { phoneNumberTarget, teamsUserTarget, type DialTarget } from '../../../model/dial-target';
import type { TeamsCloud } from '../../../model/identity';
import { callsFeature } from '../../calls/calls.feature';
import { participantsFeature } from '../../participants/participants.feature';
import { QueuePanelActions } from '../../queue/queue-panel.actions';
import { startEmulatedConsole } from '../../testing/emulated-console';
import { EscalationApiActions } from '../escalation-api.actions';
import { EscalationDialogActions } from '../escalation-dialog.actions';
import { selectEscalationPanelViewModel } from '../escalation.view-model';

/** A number as the dialog makes it a target: E.164, shown grouped. */
export const phone = (e164: string) => phoneNumberTarget(e164, formatPhoneNumberAsTyped(e164));

export const ALEX = '00000000-0000-4000-8000-00000000a001';
export const BLAKE = '00000000-0000-4000-8000-00000000a002';
export const SAM = '00000000-0000-4000-8000-000000005001';
export const RILEY = '00000000-0000-4000-8000-00000000b001';
export const JORDAN = '00000000-0000-4000-8000-00000000b002';
export const TAYLOR = '00000000-0000-4000-8000-00000000b003';
export const AVERY = '00000000-0000-4000-8000-00000000b004';

/** A colleague as the dialog makes them a target (the agent's cloud: public here). */
export const colleague = (id: string, name: string) => teamsUserTarget(id, name, 'public');

/**
 * Alex (Graph in process, with injectable refusals) on a 1:1 call with a queued phone caller, and
 * what a test reads: the escalation actions in order, the rows, the call's chat and roster.
 */
export async function onAPhoneCall(teamsCloud: TeamsCloud = 'public') {
  const graph = inProcessGraph();
  const app = await startEmulatedConsole('alex', {
    teamsCloud,
    providers: [graph.provider],
    beforeSignIn: (emulator) => graph.attach(emulator.world, 'alex'),
  });
  const log: string[] = [];
  /** Whether each Thread Ensured found the chat (true) or made it (false), in order. */
  const threadsFound: boolean[] = [];
  TestBed.inject(Actions).subscribe((action) => {
    log.push(action.type);
    if (action.type === EscalationApiActions.threadEnsured.type)
      threadsFound.push((action as ReturnType<typeof EscalationApiActions.threadEnsured>).found);
  });
  const id = app.emulator.world.enqueuePhoneCall({ patienceMs: 60_000, talkMs: 600_000 });
  await app.settle();
  app.store.dispatch(QueuePanelActions.acceptClicked({ id }));
  await app.settle();
  log.length = 0;
  threadsFound.length = 0;
  const callId = app.state(callsFeature.selectActiveCall)!.id;
  const call = () => app.state(callsFeature.selectActiveCall)!;
  const roster = () =>
    app
      .state(participantsFeature.selectAllParticipants)
      .filter((p) => p.callId === call().id)
      .map((p) => [p.displayName, p.state]);
  const threadId = () => app.registry.call(call().id).info.threadId;
  const chat = () => [...(app.emulator.world.threads.get(threadId() ?? '')?.members ?? [])];
  const panel = () => app.state(selectEscalationPanelViewModel)!;
  const rows = () => panel().rows.map((row) => [row.name, row.chip, row.text]);
  const escalationLog = () => log.filter((type) => type.startsWith('[Escalation API]'));
  const escalate = (...targets: DialTarget[]) =>
    app.store.dispatch(EscalationDialogActions.confirmClicked({ callId: call().id, targets }));
  const callerName = roster()[0]![0] as string;
  /** Settles until every row satisfies `done` (at most 20 settles; the clock does not move). */
  const settleUntil = async (done: (tone: string, chip: string) => boolean) => {
    for (let i = 0; i < 20 && !panel().rows.every((row) => done(row.tone, row.chip)); i++) await app.settle();
  };
  /**
   * Every person's row has finished (joined or failed): a rollback's Graph round trips can outlast
   * the few quiet turns one settle waits for.
   */
  const finished = () => settleUntil((tone) => tone !== 'progress');
  /** Everyone is ringing, or already done: the clock may move now, their ringing has begun. */
  const ringing = () => settleUntil((tone, chip) => tone !== 'progress' || chip === 'Ringing');
  const found = () => [...threadsFound];
  return {
    finished,
    ringing,
    found,
    app,
    graph,
    log,
    callId,
    call,
    roster,
    chat,
    threadId,
    panel,
    rows,
    escalationLog,
    escalate,
    callerName,
  };
}
