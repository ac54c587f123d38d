import { useCallback, useState } from 'react';
import { toLevqorError } from '../../api/to-levqor-error';
import { sendFile, type FilePartCall } from './send-file';

/** One dropped file on its way: how far it is, and how it ended. */
export interface FileSend {
  id: number;
  /** What the page calls it: the file's name, or the slot it goes to. */
  name: string;
  sent: number;
  size: number;
  state: 'sending' | 'done' | 'failed';
  error?: string;
}

/** A file to send, and the call that puts one part of it where it goes. */
export interface FileToSend {
  file: File;
  name: string;
  call(part: FilePartCall): Promise<unknown>;
}

let nextId = 1;

/**
 * Dropped files sent one after another (a file's parts in order), each with its progress and
 * outcome for the page to show; `onDone` runs once the batch has ended.
 */
export function useFileSends(onDone?: () => void) {
  const [sends, setSends] = useState<FileSend[]>([]);
  const update = (id: number, patch: Partial<FileSend>) => setSends((all) => all.map((s) => (s.id === id ? { ...s, ...patch } : s)));

  const start = useCallback(
    async (files: FileToSend[]) => {
      const queued = files.map((f) => ({ ...f, id: nextId++ }));
      setSends((all) => [...queued.map((q): FileSend => ({ id: q.id, name: q.name, sent: 0, size: q.file.size, state: 'sending' })), ...all.filter((s) => s.state === 'sending')]);
      for (const q of queued) {
        try {
          await sendFile(q.file, q.call, (sent) => update(q.id, { sent }));
          update(q.id, { state: 'done', sent: q.file.size });
        } catch (err) {
          update(q.id, { state: 'failed', error: toLevqorError(err).message });
        }
      }
      onDone?.();
    },
    [onDone],
  );

  return { sends, start };
}
