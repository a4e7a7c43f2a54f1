import type { CallClient as SdkCallClient, VideoDeviceInfo } from '@azure/communication-calling';
import * as emulatorClient from '../../../emulator/client';
import { CallClient } from '../../../emulator/client';
import type { CallingValues } from './calling-backend';
import { CallRegistry } from './call-registry';
import { chooseCamera, listDevices, selectMicrophone } from './devices';

/** The SDK's device manager on Chromium's fake devices (Karma grants the permission prompt). */
describe('devices', () => {
  function registry(): CallRegistry {
    const calls = new CallRegistry();
    calls.setClient(new CallClient() as unknown as SdkCallClient, emulatorClient as unknown as CallingValues);
    return calls;
  }

  it('lists microphones, speakers and cameras by name, with the ones in use', async () => {
    const lists = await listDevices(registry());
    expect(lists.microphones.length).toBeGreaterThan(0);
    expect(lists.cameras.length).toBeGreaterThan(0);
    expect(lists.microphones.every((device) => device.name !== '')).toBeTrue();
    expect(lists.microphones.map((device) => device.id)).toContain(lists.selectedMicrophoneId!);
  });

  it('selects a microphone at once, and says so when the one asked for is gone', async () => {
    const calls = registry();
    const { microphones } = await listDevices(calls);
    const last = microphones[microphones.length - 1]!;
    await selectMicrophone(calls, last.id);
    expect((await calls.deviceManager()).selectedMicrophone?.id).toBe(last.id);
    await expectAsync(selectMicrophone(calls, 'unplugged')).toBeRejectedWithError(
      'That microphone is no longer connected. Choose another.',
    );
  });

  it('starts video on the camera chosen while it is connected, else on the first', () => {
    const cameras: VideoDeviceInfo[] = [
      { id: 'front', name: 'Front', deviceType: 'UsbCamera' },
      { id: 'desk', name: 'Desk', deviceType: 'UsbCamera' },
    ];
    expect(chooseCamera(cameras, 'desk')?.name).toBe('Desk');
    expect(chooseCamera(cameras, 'unplugged')?.name).toBe('Front');
    expect(chooseCamera(cameras, null)?.name).toBe('Front');
    expect(chooseCamera([], 'desk')).toBeUndefined();
  });
});
