// Every benchmark `npm run bench` runs, in the order of its table.
import type { Bench } from './figures';
import { bundleBench } from './bundle';
import { eventToPaintBench } from './console/event-to-paint';
import { burstsBench } from './console/bursts';
import { shiftSoakBench } from './console/shift-soak';
import { speakerStormBench } from './console/speaker-storm';
import { sideBySideBench } from './console/side-by-side';
import { emulatorScaleBench } from './emulator-scale';
import { floorBench } from './floor';

export const BENCHES: readonly Bench[] = [
  bundleBench,
  eventToPaintBench,
  burstsBench,
  shiftSoakBench,
  speakerStormBench,
  sideBySideBench,
  floorBench,
  emulatorScaleBench,
];
