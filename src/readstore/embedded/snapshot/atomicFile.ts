import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `file` so that a crash at any moment leaves either the old file or the new one whole:
 * the content goes to a temporary file beside it (same folder, so the rename is atomic), which
 * is flushed to disk, renamed over the old one, and the folder is flushed so the rename lasts.
 * `write` is given the open temporary file. On failure the temporary file is removed.
 */
export async function replaceFileAtomically<T>(file: string, write: (handle: FileHandle) => Promise<T>): Promise<T> {
  const folder = path.dirname(file);
  removeLeftovers(file);
  const temporary = temporaryName(file, process.pid);
  const handle = await fs.promises.open(temporary, 'w', 0o600);
  try {
    const result = await write(handle);
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temporary, file);
    await syncFolder(folder);
    return result;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

function temporaryName(file: string, pid: number): string {
  return `${file}.${pid}.tmp`;
}

/** Temporary files of processes that died while writing (killed, or the machine stopped). */
function removeLeftovers(file: string): void {
  const folder = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -'.tmp'.length)) : NaN;
    if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) fs.rmSync(path.join(folder, name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; there a rename is durable enough.
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
