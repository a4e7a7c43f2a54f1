import { inject, Injectable, signal } from '@angular/core';
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
  readonly lists = signal<DeviceLists | null>(null);
  readonly failures = signal<Partial<Record<DeviceKind | 'lists', Failure>>>({});

  async refresh(): Promise<void> {
    try {
      this.lists.set(await listDevices(this.registry));
      this.failures.update(({ lists: _, ...rest }) => rest);
    } catch (error) {
      this.failures.update((all) => ({ ...all, lists: toFailure(error) }));
    }
  }

  async choose(kind: DeviceKind, id: string): Promise<void> {
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
