import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  /** Origin of the server, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `root` on a free 127.0.0.1 port: the example frontend's own origin,
 * so its calls to the app are real cross-origin requests. GET/HEAD only, nothing outside root.
 */
export const serveDirectory = async (root: string): Promise<StaticServer> => {
  const base = path.resolve(root);
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    const file = path.resolve(
      base,
      `.${decodeURIComponent(pathname.endsWith('/') ? `${pathname}index.html` : pathname)}`,
    );
    const inside = file === base || file.startsWith(`${base}${path.sep}`);
    if (
      (request.method !== 'GET' && request.method !== 'HEAD') ||
      !inside ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    if (request.method === 'HEAD') response.end();
    else fs.createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
