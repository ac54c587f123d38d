import type { UploadRecord } from '../../../../shared/contract/products';
import { hrefFor } from '../../routing/use-hash-route';
import { toneClass } from '../../components/tone';
import { uploadToneColour, uploadView } from './format';

/** An upload's state in words, with the Drive link once it is there and the reason when it failed. */
export function UploadBadge({ upload, hasBuild, showDetail = true }: { upload: UploadRecord | undefined; hasBuild: boolean; showDetail?: boolean }) {
  const view = uploadView(upload, hasBuild);
  return (
    <span className="upload-state" data-testid="upload-state">
      <span className={`dot ${toneClass(uploadToneColour[view.tone])}`}>{view.label}</span>
      {view.link ? (
        <a href={view.link} target="_blank" rel="noreferrer noopener" className="upload-state__link">
          Drive link
        </a>
      ) : null}
      {view.approvalId ? (
        <a href={hrefFor('approvals')} className="upload-state__link" data-testid="upload-approval-link" title={`Approval ${view.approvalId}`}>
          Open the inbox
        </a>
      ) : null}
      {showDetail && view.detail ? <span className="upload-state__detail muted">{view.detail}</span> : null}
    </span>
  );
}
