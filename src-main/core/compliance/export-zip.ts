import { createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Writes the files into one ZIP at `file` (through a temp name beside it, so a half-written export never stands there); returns its size. */
export async function writeExportZip(file: string, files: Record<string, string>): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const temp = `${file}.part-${process.pid}`;
  // loaded with the first export: starting the app does not need archiver
  const { ZipArchive } = await import('archiver');
  const archive = new ZipArchive({ zlib: { level: 6 } });
  const written = pipeline(archive, createWriteStream(temp, { mode: 0o600 }));
  try {
    for (const [name, text] of Object.entries(files)) archive.append(Buffer.from(text, 'utf8'), { name });
    await archive.finalize();
    await written;
    renameSync(temp, file);
  } catch (err) {
    archive.abort();
    rmSync(temp, { force: true });
    throw err;
  }
  return statSync(file).size;
}
