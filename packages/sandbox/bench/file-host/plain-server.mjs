// The loopback ceiling: an HTTP server writing one preallocated buffer over and over.
import { once } from 'node:events';
import { createServer } from 'node:http';

const block = Buffer.alloc(1024 * 1024, 7);

/** Starts a server answering every request with `size` bytes; resolves with its URL. */
export async function startPlainServer(size) {
  const server = createServer(async (_req, res) => {
    res.writeHead(200, { 'Content-Length': String(size) });
    for (let sent = 0; sent < size; sent += block.length) {
      if (!res.write(block.subarray(0, Math.min(block.length, size - sent))))
        await once(res, 'drain');
    }
    res.end();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}
