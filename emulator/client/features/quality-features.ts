import type * as Sdk from '@azure/communication-calling';
import type { ListenerTally } from '../emitter';
import { featureUnavailable, InertEvents, InertFeature } from './inert-feature';

/**
 * How a call is going, measured or reported: the emulator has no network or media to measure, so
 * diagnostics read as nothing to report, statistics collectors never report, and there is no
 * data channel or survey service.
 */

export class InertCallSurvey extends InertFeature implements Sdk.CallSurveyFeature {
  constructor(tally: ListenerTally) {
    super('CallSurvey', tally);
  }

  async submitSurvey(): Promise<Sdk.CallSurveyResponse> {
    throw featureUnavailable('call surveys', 'Submitting a call survey');
  }
}

class InertDiagnostics<T> extends InertEvents {
  constructor(
    tally: ListenerTally,
    private readonly latest: () => T,
  ) {
    super(tally);
  }

  getLatest(): T {
    return this.latest();
  }
}

class InertRemoteDiagnostics
  extends InertDiagnostics<Sdk.RemoteParticipantDiagnosticsData>
  implements Sdk.RemoteDiagnostics
{
  isSendingDiagnosticsEnabled = false;

  constructor(tally: ListenerTally) {
    super(tally, () => ({ diagnostics: [] }));
  }

  /** Nothing is measured, so sending diagnostics only records that it was asked for. */
  startSendingDiagnostics(): void {
    this.isSendingDiagnosticsEnabled = true;
  }

  stopSendingDiagnostics(): void {
    this.isSendingDiagnosticsEnabled = false;
  }
}

export class InertUserFacingDiagnostics extends InertFeature implements Sdk.UserFacingDiagnosticsFeature {
  readonly network: InertDiagnostics<Sdk.LatestNetworkDiagnostics>;
  readonly media: InertDiagnostics<Sdk.LatestMediaDiagnostics>;
  readonly remote: InertRemoteDiagnostics;

  constructor(tally: ListenerTally) {
    super('UserFacingDiagnostics', tally);
    this.network = new InertDiagnostics<Sdk.LatestNetworkDiagnostics>(tally, () => ({}));
    this.media = new InertDiagnostics<Sdk.LatestMediaDiagnostics>(tally, () => ({}));
    this.remote = new InertRemoteDiagnostics(tally);
  }

  protected override parts(): InertEvents[] {
    return [this.network, this.media, this.remote];
  }
}

/** A collector that never reports: the emulator sends no media to sample. */
class InertMediaStatsCollector extends InertEvents implements Sdk.MediaStatsCollector {}

export class InertMediaStats extends InertFeature implements Sdk.MediaStatsCallFeature {
  private readonly collectors: InertMediaStatsCollector[] = [];

  constructor(private readonly tally: ListenerTally) {
    super('MediaStats', tally);
  }

  createCollector(): Sdk.MediaStatsCollector {
    const collector = new InertMediaStatsCollector(this.tally);
    this.collectors.push(collector);
    return collector;
  }

  /** The SDK disposes a call's collectors with the call's features. */
  protected override parts(): InertEvents[] {
    return this.collectors;
  }
}

export class InertOptimalVideoCount extends InertFeature implements Sdk.OptimalVideoCountCallFeature {
  /** No bandwidth or device limit is modelled: the count galleries show by default. */
  readonly optimalVideoCount = 4;
  readonly lastOvcChangeReason = 'unknown';

  constructor(tally: ListenerTally) {
    super('OptimalVideoCount', tally);
  }
}

export class InertDataChannel extends InertFeature implements Sdk.DataChannelCallFeature {
  constructor(tally: ListenerTally) {
    super('DataChannel', tally);
  }

  createDataChannelSender(): Sdk.DataChannelSender {
    throw featureUnavailable('data channel', 'Opening a data channel');
  }
}
