import { mkdirSync, openSync, closeSync, readFileSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { PlatformError } from './PlatformError.js';
import { isProcessAlive, sleep } from './processes.js';

/**
 * Runs `fn` holding an exclusive lock file (holds our PID). A lock left by a dead process is
 * taken over, so a crash or kill -9 never wedges later starts.
 */
export async function withFileLock<T>(file: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(readSafe(file), 10);
      if (!Number.isInteger(holder) || !isProcessAlive(holder)) {
        rmSync(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new PlatformError(
          'LOCKED',
          `Another process (PID ${holder}) has held ${file} for too long. If it is stuck, stop it; ` +
            'if it is gone, delete that file and run the command again.',
        );
      }
      await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(file, { force: true });
  }
}

function readSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
