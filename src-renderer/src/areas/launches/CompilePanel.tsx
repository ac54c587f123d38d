import { useState, type ReactNode } from 'react';
import type { ProductBuild, UploadRecord } from '../../../../shared/contract/products';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ProgressBar } from '../../components/ProgressBar';
import { formatTime } from '../../format/time';
import { formatCount } from '../../format/number';
import { formatBytes, percentOf } from './format';
import { UploadBadge } from './UploadBadge';
import { useCompile, type Progress } from './use-launches';

const phaseLabels = { zip: 'Zipping', upload: 'Uploading to Drive' } as const;

function PhaseBar({ progress, state }: { progress: Progress; state: 'running' | 'done' | 'stopped' }) {
  const pct = percentOf(progress.bytesDone, progress.bytesTotal);
  const suffix = state === 'stopped' && pct < 100 ? ' stopped' : state !== 'running' && pct === 100 ? ' done' : '';
  const sizes = `${formatBytes(progress.bytesDone)} of ${formatBytes(progress.bytesTotal)}`;
  return <ProgressBar label={`${phaseLabels[progress.phase]}${suffix}`} detail={`${sizes} · ${pct}%`} percent={pct} name={phaseLabels[progress.phase]} valueText={`${pct}%: ${sizes}`} testId={`progress-${progress.phase}`} />;
}

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="field" data-testid={testId}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Compile a product (zip → Drive → site config → Omega tree), with live progress and cancel. */
export function CompilePanel({
  slug,
  hasContent,
  contentDir,
  lastBuild,
  upload,
}: {
  slug: string;
  hasContent: boolean;
  contentDir: string;
  lastBuild: ProductBuild | undefined;
  upload: UploadRecord | undefined;
}) {
  const { running, cancelling, progress, result, error, compile, cancel } = useCompile(slug);
  const [skipUpload, setSkipUpload] = useState(false);
  const bars = (['zip', 'upload'] as const).flatMap((phase) => (progress[phase] ? [progress[phase]] : []));

  return (
    <section className="card section" aria-labelledby="compile-title">
      <div className="section-head lx-head">
        <div className="section__head">
          <h2 id="compile-title">Compile</h2>
          <p className="muted">
            Compile zips the files of <code>{contentDir}</code> reproducibly, uploads the ZIP to Drive, and writes the site config and the
            Omega asset tree.
          </p>
        </div>
      </div>
      {!hasContent ? (
        <p className="notice notice--warn" data-testid="no-content">
          The content folder <code>{contentDir}</code> is missing: drop the product&apos;s files into Files above, then compile.
        </p>
      ) : null}
      <div className="toolbar">
        <button type="button" className="button button--primary" disabled={running} onClick={() => void compile(!skipUpload)}>
          {running ? 'Compiling…' : 'Compile'}
        </button>
        <label className="check lx-check">
          <input type="checkbox" checked={skipUpload} disabled={running} onChange={(e) => setSkipUpload(e.target.checked)} />
          Skip upload
        </label>
        {running ? (
          <button type="button" className="button button--danger" disabled={cancelling} onClick={() => void cancel()}>
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        ) : null}
      </div>
      {running && bars.length === 0 ? (
        <p className="muted" role="status">
          Checking the spec and the content folder…
        </p>
      ) : null}
      {bars.length > 0 ? (
        <div className="lx-progress-list" aria-live="polite">
          {bars.map((p) => (
            <PhaseBar key={p.phase} progress={p} state={running ? 'running' : error ? 'stopped' : 'done'} />
          ))}
        </div>
      ) : null}
      {error ? (
        error.code === 'CANCELLED' ? (
          <p className="notice" role="status" data-testid="compile-cancelled">
            Cancelled: no archive was left behind.
          </p>
        ) : (
          <ErrorNotice message={error} inline />
        )
      ) : null}
      {result ? (
        <div className="lx-result" data-testid="compile-result">
          <p className="lx-result__title">
            <span className="dot tone--good">Compiled</span> {result.slug} v{result.version} · {result.entries} file{result.entries === 1 ? '' : 's'}
          </p>
          <dl className="grid-2 facts-grid">
            <Row label="ZIP" testId="result-zip">
              <code>{result.zipPath}</code>
            </Row>
            <Row label="Size">{formatBytes(result.bytes)} ({formatCount(result.bytes)} bytes)</Row>
            <Row label="sha256" testId="result-sha256">
              <code className="lx-hash">{result.sha256}</code>
            </Row>
            {/* the badge says it all (uploaded, waiting, skipped): a yes/no and a separator before it wrapped apart */}
            <Row label="Upload" testId="result-uploaded">
              <UploadBadge upload={result.upload} hasBuild />
            </Row>
            <Row label="Drive download URL">
              {result.driveDownloadUrl ? (
                <a href={result.driveDownloadUrl} target="_blank" rel="noreferrer noopener">
                  {result.driveDownloadUrl}
                </a>
              ) : (
                <span className="muted">not set yet</span>
              )}
            </Row>
            <Row label="Omega folder" testId="result-omega">
              <code>{result.omegaDir}</code>
            </Row>
            <Row label="Site config">
              <code>{result.siteConfig.json}</code>
            </Row>
          </dl>
        </div>
      ) : lastBuild && !running ? (
        <dl className="grid-2 facts-grid lx-last" data-testid="last-build">
          <Row label="Last build">
            v{lastBuild.version} · {formatTime(lastBuild.compiledAt)} · {formatBytes(lastBuild.bytes)}
          </Row>
          <Row label="sha256">
            <code className="lx-hash">{lastBuild.sha256}</code>
          </Row>
          <Row label="ZIP">
            <code>{lastBuild.zipPath}</code>
          </Row>
          <Row label="Upload">
            <UploadBadge upload={upload} hasBuild />
          </Row>
        </dl>
      ) : null}
    </section>
  );
}
