/**
 * A static file server for a built site, as any static host would serve it:
 * used by `npm run preview` and by the browser tests.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export function serveStatic(dir: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const handler = sirv(dir, { dev: true, etag: true });
  const server: Server = createServer((req, res) => {
    handler(req, res, () => {
      const notFound = sirv(dir, { dev: true });
      res.statusCode = 404;
      req.url = '/404.html';
      notFound(req, res, () => {
        res.end('Not found');
      });
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
