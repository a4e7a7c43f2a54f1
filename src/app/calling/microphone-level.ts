import { Observable } from 'rxjs';

/**
 * How loud the microphone is, 0 to 1, once per animation frame: the settings' level meter, so an
 * agent can see the chosen microphone hears them before a call. The stream is the browser's own
 * (the SDK gives no level outside a call) and is stopped, with its audio context, on unsubscribe.
 */
export function microphoneLevel(deviceId: string | null): Observable<number> {
  return new Observable<number>((subscriber) => {
    let stopped = false;
    let frame = 0;
    let stream: MediaStream | null = null;
    let context: AudioContext | null = null;
    const start = async () => {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: deviceId ? { deviceId: { exact: deviceId } } : true,
      });
      if (stopped) return stop();
      context = new AudioContext();
      const analyser = context.createAnalyser();
      analyser.fftSize = 512;
      context.createMediaStreamSource(stream).connect(analyser);
      const samples = new Float32Array(analyser.fftSize);
      const measure = () => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const sample of samples) sum += sample * sample;
        // Speech sits around 0.05–0.2 RMS: scaled so that a normal voice fills most of the meter.
        subscriber.next(Math.min(1, Math.sqrt(sum / samples.length) * 4));
        frame = requestAnimationFrame(measure);
      };
      measure();
    };
    const stop = () => {
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
      void context?.close();
    };
    start().catch((error: unknown) => subscriber.error(error));
    return () => {
      stopped = true;
      stop();
    };
  });
}
