// Progress for long runs: a bar with rate and ETA on a terminal, a line every few seconds
// otherwise (CI logs).
import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number, info?: string): void;
  setTotal(total: number): void;
  stop(): void;
}

export function createProgress(label: string, total: number, unit = 'records'): Progress {
  if (process.env.NODE_ENV === 'test' && !process.env.SHOW_PROGRESS) {
    return { update() {}, setTotal() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate}/s | ETA {eta_formatted} {info}`,
      noTTYOutput: true,
      notTTYSchedule: 3000,
      etaBuffer: 50,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(Math.max(total, 1), 0, { rate: '0', info: '' });
  return {
    update(done, info = '') {
      const secs = (Date.now() - started) / 1000;
      bar.update(done, { rate: secs > 0 ? Math.round(done / secs).toString() : '0', info });
    },
    setTotal(t) {
      bar.setTotal(Math.max(t, 1));
    },
    stop() {
      bar.stop();
    },
  };
}
