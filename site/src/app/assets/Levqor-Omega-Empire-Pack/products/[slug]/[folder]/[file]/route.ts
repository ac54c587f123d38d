import { readFileSync } from 'node:fs';
import { isOmegaFile, omegaFilePath, omegaFilesOf } from '../../../../../../../lib/omega-images';
import { readProducts } from '../../../../../../../lib/products';

// the folders spell shared/omega.ts's omegaUrlBase, so the URLs in products.json resolve here;
// each PNG present at build time becomes a static file and any other path is a 404
export const dynamic = 'force-static';
export const dynamicParams = false;

export function generateStaticParams() {
  return omegaFilesOf(readProducts().map((p) => p.slug));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string; folder: string; file: string }> }) {
  const f = await params;
  if (!isOmegaFile(f)) return new Response('Not found', { status: 404 });
  return new Response(new Uint8Array(readFileSync(omegaFilePath(f))), { headers: { 'content-type': 'image/png', 'cache-control': 'public, max-age=3600' } });
}
