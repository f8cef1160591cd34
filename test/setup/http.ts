import { request } from 'node:http';

/**
 * A GET to a server on 127.0.0.1 with a Host header of our choosing (fetch takes Host from the URL): the tests of
 * the server's Host check (DNS rebinding defence) send other names to the same socket.
 */
export function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  const { port, pathname, search } = new URL(url);
  return new Promise((done, fail) => {
    const req = request({ host: '127.0.0.1', port, path: `${pathname}${search}`, headers: { host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.on('error', fail);
    req.end();
  });
}
