/** Shared pieces of the CLIs: progress (a bar on a terminal, plain parseable lines when piped) and the input path. */
import { access, constants } from 'node:fs/promises';
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


/**
 * The input file of an import CLI: the first argument that is not a flag, readable. Prints a
 * Vietnamese + English message and returns null when it is missing or unreadable (exit code 2).
 */
export async function readableInputPath(argv: readonly string[], usage: string): Promise<string | null> {
  const inputPath = argv.find((arg) => !arg.startsWith('-'));
  if (!inputPath) {
    console.error(`Thiếu đường dẫn tệp / missing input path.\nCách dùng / usage: ${usage}`);
    return null;
  }
  try {
    await access(inputPath, constants.R_OK);
    return inputPath;
  } catch {
    console.error(`Không tìm thấy hoặc không đọc được tệp: ${inputPath}\nInput file missing or unreadable: ${inputPath}`);
    return null;
  }
}
