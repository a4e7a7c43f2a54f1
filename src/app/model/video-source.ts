/** Which video to show: the agent's own camera in a call, or a remote participant's stream. */
export type VideoSource =
  | { readonly kind: 'local'; readonly callId: string }
  | {
      readonly kind: 'remote';
      readonly callId: string;
      readonly participantId: string;
      readonly streamId: number;
    };

/** A video being shown: whether it could be, and how to stop it. */
export interface ShownVideo {
  readonly ready: Promise<boolean>;
  stop(): void;
}

export function sameVideoSource(a: VideoSource, b: VideoSource): boolean {
  if (a.kind === 'local' || b.kind === 'local') return a.kind === b.kind && a.callId === b.callId;
  return a.callId === b.callId && a.participantId === b.participantId && a.streamId === b.streamId;
}
