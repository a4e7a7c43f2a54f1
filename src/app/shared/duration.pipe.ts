import { Pipe, type PipeTransform } from '@angular/core';

/** Milliseconds as a clock reading: `0:42`, `12:05`, `1:02:09`. Negative spans read as `0:00`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

@Pipe({ name: 'duration' })
export class DurationPipe implements PipeTransform {
  transform(ms: number | null | undefined): string {
    return ms === null || ms === undefined ? '' : formatDuration(ms);
  }
}
