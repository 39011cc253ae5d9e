// Crash-safe file replacement: write a temporary file beside the target, flush it to
// disk, rename it over the target, then flush the folder so the rename itself survives
// a power cut. A reader sees the old file or the new one, never half of either.
import fs from 'node:fs';
import path from 'node:path';

/** fsync a folder so that a file created, renamed or removed in it is durable. */
export function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(folder, 'r');
    fs.fsyncSync(fd);
  } catch (error) {
    // Some file systems refuse fsync on a folder (EISDIR/EINVAL/EPERM); the data itself was flushed.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EINVAL' && code !== 'EPERM' && code !== 'EBADF') throw error;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

export function writeFileAtomic(file: string, text: string | Uint8Array): void {
  const folder = path.dirname(file);
  fs.mkdirSync(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(temporary, 'w', 0o644);
  try {
    const buffer = typeof text === 'string' ? Buffer.from(text, 'utf8') : Buffer.from(text);
    let written = 0;
    while (written < buffer.length) written += fs.writeSync(fd, buffer, written, buffer.length - written);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(folder);
}
