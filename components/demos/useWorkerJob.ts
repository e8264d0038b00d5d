'use client';
// Runs one job at a time in a fresh Web Worker: starting a new job or cancelling terminates the
// previous worker, so a long computation never blocks the page or outlives its settings.
import { useCallback, useEffect, useRef, useState } from 'react';

export type JobStatus = 'idle' | 'running' | 'done' | 'cancelled';

export function useWorkerJob<Job, Message extends { type: string }>(
  createWorker: () => Worker,
  onMessage: (m: Message) => void,
) {
  const worker = useRef<Worker | null>(null);
  const [status, setStatus] = useState<JobStatus>('idle');
  const handler = useRef(onMessage);
  // eslint-disable-next-line react-hooks/refs -- latest-value ref: read in callbacks and effects, never to render
  handler.current = onMessage;

  const stop = useCallback((next: JobStatus) => {
    worker.current?.terminate();
    worker.current = null;
    setStatus(next);
  }, []);

  const start = useCallback(
    (job: Job) => {
      worker.current?.terminate();
      const w = createWorker();
      worker.current = w;
      w.onmessage = (e: MessageEvent<Message>) => {
        if (worker.current !== w) return;
        handler.current(e.data);
        if (e.data.type === 'done') stop('done');
      };
      w.onerror = (e) => {
        console.warn('demo worker failed', e.message);
        stop('cancelled');
      };
      setStatus('running');
      w.postMessage(job);
    },
    [createWorker, stop],
  );

  useEffect(() => () => worker.current?.terminate(), []);

  return { status, start, cancel: () => stop('cancelled') };
}
