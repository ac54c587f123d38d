import { loadDrive } from './credentials';
import { DriveError, toDriveError } from './drive-error';
import type { DriveTarget } from './upload-job';

const folderType = 'application/vnd.google-apps.folder';
/** Enough to say "there is something there" without reading a whole folder. */
const pageSize = 100;

/** Drive's answer in the founder's terms: who refused, what is missing. */
function explained(err: unknown, where: string): unknown {
  const e = toDriveError(err, `list ${where}`);
  if (!(e instanceof DriveError) || e.status === undefined) return e;
  if (e.status === 401) return new DriveError(e.kind, `Drive refused these credentials (401): ${e.message}`, e.status);
  if (e.status === 403) return new DriveError(e.kind, `these credentials may not read ${where} (403): ${e.message}`, e.status);
  if (e.status === 404) return new DriveError(e.kind, `${where} is not on Drive, or is not shared with these credentials (404)`, e.status);
  return e;
}

/**
 * The secret's "Test" for Drive: lists the folder uploads go to (`drive.folderId`, else My
 * Drive) with the official client, as an upload would reach it (`supportsAllDrives`, the
 * configured rootUrl). Says what it saw; throws a DriveError saying why it could not.
 */
export async function listTargetFolder(target: DriveTarget, signal: AbortSignal): Promise<string> {
  const drive = loadDrive().drive({ version: 'v3', auth: target.client });
  const options = { rootUrl: target.rootUrl, retry: false, signal };
  const where = target.folderId ? `the folder ${target.folderId} (drive.folderId)` : 'My Drive';
  let name = 'My Drive';
  try {
    if (target.folderId) {
      const folder = await drive.files.get({ fileId: target.folderId, supportsAllDrives: true, fields: 'id,name,mimeType' }, options);
      if (folder.data.mimeType !== folderType) throw new DriveError('rejected', `${where} is not a folder (it is ${folder.data.mimeType ?? 'a file'})`);
      name = `the folder "${folder.data.name ?? target.folderId}"`;
    }
    const list = await drive.files.list(
      {
        q: `'${target.folderId ?? 'root'}' in parents and trashed = false`,
        pageSize,
        fields: 'files(id)',
        supportsAllDrives: true,
        includeItemsFromAllDrives: true,
      },
      options,
    );
    const n = list.data.files?.length ?? 0;
    return `listed ${name}: ${n === pageSize ? `${pageSize} or more items` : `${n} item${n === 1 ? '' : 's'}`}`;
  } catch (err) {
    throw explained(err, where);
  }
}
