/**
 * The site's "download or delete my data" form writes one row here; the desktop app pulls new
 * rows in (txid, seq) order like the pipeline's, files each as a subject request, and writes
 * back its status (`received`, `answered`, `rejected`). An erased person's row keeps only the
 * status, with the email replaced. Every statement may run again.
 */
export const name = 'subject-requests';

export const sql = /* sql */ `
CREATE TABLE IF NOT EXISTS subject_requests (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  email       text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('export', 'erase', 'do-not-sell')),
  law         text NOT NULL DEFAULT 'gdpr' CHECK (law IN ('gdpr', 'ccpa')),
  status      text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'received', 'answered', 'rejected'))
);
ALTER TABLE subject_requests ADD COLUMN IF NOT EXISTS seq bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE subject_requests ADD COLUMN IF NOT EXISTS txid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX IF NOT EXISTS subject_requests_sync ON subject_requests (txid, seq);
DROP TRIGGER IF EXISTS subject_requests_touch ON subject_requests;
CREATE TRIGGER subject_requests_touch BEFORE UPDATE ON subject_requests FOR EACH ROW EXECUTE FUNCTION levqor_touch();
`;
