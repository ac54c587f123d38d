import { filePartMaxBytes } from '../../../../shared/product-files';

/** What one call sends and hears back (products.putContentFile / putOmegaImage, without the target). */
export interface FilePartCall {
  size: number;
  offset: number;
  data: string;
}

/** Bytes as base64, a slice at a time (String.fromCharCode of a whole file would overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a dropped file in parts of at most filePartMaxBytes, in order, each read from the
 * file only when it is sent; `onProgress` hears the bytes sent so far. Resolves with the
 * last call's answer (the file is in place then); a refused part rejects with its error.
 */
export async function sendFile<T>(file: Blob, send: (part: FilePartCall) => Promise<T>, onProgress?: (sent: number, size: number) => void): Promise<T> {
  let offset = 0;
  for (;;) {
    const part = new Uint8Array(await file.slice(offset, offset + filePartMaxBytes).arrayBuffer());
    const answer = await send({ size: file.size, offset, data: toBase64(part) });
    offset += part.length;
    onProgress?.(offset, file.size);
    if (offset >= file.size) return answer;
  }
}
