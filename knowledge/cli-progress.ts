/** Progress for long CLI work: a bar on a terminal, plain parseable lines when piped. */
import cliProgress from 'cli-progress';

export interface Progress {
  start(label: string, total: number): void;
  update(done: number): void;
  stop(): void;
}

/** A bar on a terminal; plain "label: done/total" lines (every 10%) otherwise. */
export function createProgress(): Progress {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar({ format: '{label} [{bar}] {value}/{total}', hideCursor: true }, cliProgress.Presets.shades_classic);
    return {
      start: (label, total) => bar.start(total, 0, { label }),
      update: (done) => bar.update(done),
      stop: () => bar.stop(),
    };
  }
  let label = '';
  let total = 0;
  let lastTenth = -1;
  return {
    start(newLabel, newTotal) {
      label = newLabel;
      total = newTotal;
      lastTenth = -1;
    },
    update(done) {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        console.log(`${label}: ${done}/${total}`);
      }
    },
    stop() {},
  };
}

