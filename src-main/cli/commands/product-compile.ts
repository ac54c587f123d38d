import { formatBytes } from '../../../shared/bytes';
import type { CompileResult, UploadRecord } from '../../../shared/contract/products';
import { command, readOptionalPositional, readPositionals, type CliContext, type Command } from '../command';
import { formatRows, megabytes } from '../format';

const compileUsage = 'product compile SLUG [--no-upload]';

function uploadLine(r: CompileResult): string {
  if (r.driveDownloadUrl) return `uploaded: ${r.driveDownloadUrl}`;
  const u = r.upload;
  if (!u) return 'not uploaded (--no-upload)';
  if (u.status === 'needs-approval') {
    return u.approvalId
      ? `dry run (pre-launch): the upload waits for approval ${u.approvalId} (levqor approvals approve ${u.approvalId})`
      : 'dry run (pre-launch): the upload waits for approval';
  }
  if (u.status === 'rejected') return `not sent: ${u.lastError ?? 'its approval was rejected'}`;
  if (u.status === 'queued') return `waiting to upload (${u.lastError ?? 'queued'}); retried with backoff`;
  return `${u.status}${u.lastError ? ` (${u.lastError})` : ''}`;
}

/** Progress on a terminal's stderr, one rewritten line; nothing when piped or under --json. */
function showProgress(ctx: CliContext, slug: string): () => void {
  if (ctx.json || !process.stderr.isTTY) return () => {};
  const off = ctx.core().events.subscribe((name, payload) => {
    if (name !== 'products.progress') return;
    const p = payload as { slug: string; phase: string; bytesDone: number; bytesTotal: number };
    if (p.slug !== slug) return;
    const percent = p.bytesTotal === 0 ? 100 : Math.floor((p.bytesDone / p.bytesTotal) * 100);
    process.stderr.write(`\r${p.phase.padEnd(6)} ${String(percent).padStart(3)}%  ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}   `);
  });
  return () => {
    off();
    process.stderr.write('\r\x1b[K');
  };
}

function uploadRow(u: UploadRecord): [string, string] {
  const state = u.status === 'queued' ? 'waiting to upload' : u.status;
  const detail = u.driveDownloadUrl ?? u.lastError ?? '';
  return [`${u.slug} ${u.version}`, `${state}${detail ? `  ${detail}` : ''}`];
}

export const productCompileCommands: Command[] = [
  command({
    usage: compileUsage,
    summary: 'ZIP the product, upload it to Drive, write the site config and the Omega tree.',
    options: { 'no-upload': { type: 'boolean', description: 'build locally only; no Drive upload is recorded' } },
    async run(ctx, args) {
      const [slug] = readPositionals(args, ['SLUG'], compileUsage);
      const upload = args.values['no-upload'] !== true;
      const stop = showProgress(ctx, slug);
      // Ctrl-C cancels through the contract, like the app's Cancel button: no half-written archive
      const onInterrupt = () => void ctx.call('products.cancel', { slug }).catch(() => {});
      process.once('SIGINT', onInterrupt);
      let result: CompileResult;
      try {
        result = await ctx.call('products.compile', { slug, upload });
      } finally {
        process.off('SIGINT', onInterrupt);
        stop();
      }
      const { zipPath, sha256, bytes, uploaded, driveDownloadUrl, omegaDir } = result;
      const waiting = result.upload?.status === 'needs-approval' ? result.upload.approvalId : undefined;
      ctx.print({ slug, zipPath, sha256, bytes, uploaded, ...(driveDownloadUrl ? { driveDownloadUrl } : {}), ...(waiting ? { approvalId: waiting } : {}), omegaDir }, () =>
        [
          `Compiled ${slug} ${result.version}`,
          formatRows([
            ['ZIP', `${zipPath} (${formatBytes(bytes)}, ${result.entries} files)`],
            ['sha256', sha256],
            ['Drive', uploadLine(result)],
            ['Site config', `${result.siteConfig.ts}, ${result.siteConfig.json}`],
            ['Omega', omegaDir],
          ]),
        ].join('\n'),
      );
    },
  }),
  command({
    usage: 'product uploads [SLUG] [--send]',
    summary: 'The Drive upload queue; --send tries every waiting upload now.',
    options: { send: { type: 'boolean', description: 'try the waiting uploads now, without waiting for their backoff' } },
    async run(ctx, args) {
      const slug = readOptionalPositional(args, 'product uploads [SLUG] [--send]');
      if (args.values.send === true) await ctx.call('products.sendUploads', {});
      const { uploads } = await ctx.call('products.uploads', slug === undefined ? {} : { slug });
      ctx.print({ uploads }, () => (uploads.length === 0 ? 'No uploads.' : formatRows(uploads.map(uploadRow))));
    },
  }),
];
