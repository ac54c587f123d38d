/**
 * Files the founder drops into a product from a page: a file for its content folder, a PNG
 * for one of its Omega slots. A page never names a path of the machine, only a name relative
 * to the product's own folder, and sends the bytes (base64 in JSON) in parts.
 */

/**
 * Bytes of one part, per call: its base64 keeps one JSON body well under the server's 1 MB.
 * A larger file goes in several calls (`offset` says where each part starts).
 */
export const filePartMaxBytes = 512 * 1024;
/** A content file's whole size at most (the ZIP holds 4 GiB in all). */
export const contentFileMaxBytes = 1024 * 1024 * 1024;
/** An Omega PNG's whole size at most. */
export const omegaImageMaxBytes = 32 * 1024 * 1024;

/** The characters base64 of at most `bytes` bytes takes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

/**
 * Why one segment of a file name cannot be a file in a product (the compile refuses the same),
 * or undefined: a backslash escapes the folder when unzipped on Windows, a colon is a drive
 * letter to the ZIP writer, a control character has no place in a name.
 */
export function nameSegmentProblem(segment: string): string | undefined {
  if (segment.includes('\\')) return 'its name contains a backslash, which escapes the folder when unzipped on Windows';
  // archiver drops a leading `word:` from entry names (a drive letter to it), and Windows cannot hold a colon
  if (segment.includes(':')) return 'its name contains a colon, which Windows file names cannot hold';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(segment)) return 'its name contains a control character';
  return undefined;
}

const specSuffix = '.product.json';

/**
 * Why `name` cannot be a file of a product's content folder, or undefined. It is relative
 * (`guide.pdf`, `chapters/01.md`, `/` between folders): never absolute, never `..` or `.`,
 * no empty part, nothing the compile refuses, and not a product spec (`*.product.json`), which
 * belongs beside the folder and would be taken for one.
 */
export function contentNameProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > 1024) return 'must be at most 1024 characters';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'must be a name inside the product\u2019s folder, not a path of this machine';
  const segments = name.split('/');
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..') return 'must be a name inside the product\u2019s folder: no "..", "." or empty part between slashes';
    if (segment.length > 255) return 'has a part longer than 255 characters';
    const problem = nameSegmentProblem(segment);
    if (problem) return problem.replace('its name', 'the name');
  }
  if (name.toLowerCase().endsWith(specSuffix)) return `must not end with ${specSuffix}: a product spec lives beside the content folder, not in it`;
  return undefined;
}
