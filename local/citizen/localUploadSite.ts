import { FolderPhotoStore, LOCAL_UPLOAD_PATH } from '../../functions/adapters/files/FolderPhotoStore.ts';
import type { SiteHandler } from '../web/serveBuiltFile.ts';

/**
 * The local stand-in for the photo bucket's presigned PUTs: PUT /local-uploads/<key>?…&sig=… writes the raw
 * upload when the folder store's signature, expiry, type and size hold (403 with the reason otherwise).
 */
export function localUploadSite(store: FolderPhotoStore): SiteHandler {
  return async (req, res, body) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(LOCAL_UPLOAD_PATH)) return false;
    if (req.method !== 'PUT') {
      res.writeHead(405, { Allow: 'PUT', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('uploads are PUT to their presigned URL');
      return true;
    }
    const refused = await store.acceptUpload(url.pathname.slice(LOCAL_UPLOAD_PATH.length), url.searchParams, req.headers['content-type'], body);
    res.writeHead(refused?.status ?? 200, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(refused?.reason ?? '');
    return true;
  };
}
