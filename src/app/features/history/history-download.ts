import { InjectionToken } from '@angular/core';

/** Hands the browser a file to save: a CSV export. Tests see what would be saved. */
export type HistoryDownload = (fileName: string, text: string) => void;

export const HISTORY_DOWNLOAD = new InjectionToken<HistoryDownload>('HISTORY_DOWNLOAD', {
  providedIn: 'root',
  factory: () => (fileName, text) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // The browser has started the download once click() returns; the URL is no longer needed after.
    setTimeout(() => URL.revokeObjectURL(url));
  },
});
