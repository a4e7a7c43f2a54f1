import { inject, Injectable, PendingTasks, signal } from '@angular/core';
import { Store } from '@ngrx/store';
import type { Observable } from 'rxjs';
import { CallRegistry } from '../../calling/call-registry';
import { toFailure } from '../../calling/calling-codes';
import { listDevices, selectMicrophone, selectSpeaker, type DeviceLists } from '../../calling/devices';
import { microphoneLevel } from '../../calling/microphone-level';
import type { Failure } from '../../model/failure';
import { SettingsPageActions } from './settings-page.actions';

export type DeviceKind = 'microphone' | 'speaker' | 'camera';

/**
 * The Settings page's devices: the lists from the SDK's `deviceManager`, and a choice that applies
 * at once (the microphone and speaker through the device manager; the camera with the next video
 * the agent starts) and is then kept with the settings. A failure is said beside the list it came
 * from.
 */
@Injectable({ providedIn: 'root' })
export class DeviceSettings {
  private readonly registry = inject(CallRegistry);
  private readonly store = inject(Store);
  private readonly pendingTasks = inject(PendingTasks);
  readonly lists = signal<DeviceLists | null>(null);
  readonly failures = signal<Partial<Record<DeviceKind | 'lists', Failure>>>({});

  /** The lists again (the app is not stable until they are in). */
  refresh(): Promise<void> {
    return this.pending(() => this.list());
  }

  private async list(): Promise<void> {
    try {
      this.lists.set(await listDevices(this.registry));
      this.failures.update(({ lists: _, ...rest }) => rest);
    } catch (error) {
      this.failures.update((all) => ({ ...all, lists: toFailure(error) }));
    }
  }

  choose(kind: DeviceKind, id: string): Promise<void> {
    return this.pending(() => this.select(kind, id));
  }

  private async pending(work: () => Promise<void>): Promise<void> {
    const done = this.pendingTasks.add();
    try {
      await work();
    } finally {
      done();
    }
  }

  private async select(kind: DeviceKind, id: string): Promise<void> {
    try {
      if (kind === 'microphone') await selectMicrophone(this.registry, id);
      if (kind === 'speaker') await selectSpeaker(this.registry, id);
    } catch (error) {
      this.failures.update((all) => ({ ...all, [kind]: toFailure(error) }));
      return;
    }
    this.failures.update(({ [kind]: _, ...rest }) => rest);
    const changes = {
      microphone: { microphoneId: id },
      speaker: { speakerId: id },
      camera: { cameraId: id },
    }[kind];
    this.store.dispatch(SettingsPageActions.settingsChanged({ changes }));
  }

  level(microphoneId: string | null): Observable<number> {
    return microphoneLevel(microphoneId);
  }
}
