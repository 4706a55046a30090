/**
 * The slow-reader timeout, applied only while an answer is being written.
 *
 * Node's `server.timeout` is an idle timer on the socket: no bytes moving either way for that long
 * and the connection is closed. That is right for a client that stopped reading (its answer sits
 * in our buffers), but wrong while the service itself is working on the request: a request waiting
 * for an admission slot, or a deep query, moves no bytes either, and was cut off ("socket hang
 * up") although nothing was wrong with the client. So the timer is paused from the moment a
 * request arrives until its headers are written, then armed for the writing.
 *
 * What bounds each phase instead: receiving the request, `headersTimeout`/`requestTimeout`
 * (slow senders); working on it, admission's queue wait and the transaction timeouts; writing it,
 * this timer; between requests on a kept-alive connection, `keepAliveTimeout`.
 */
import type http from 'node:http';
import onHeaders from 'on-headers';

/** Installs the timer on `server`: call before the server handles any request. */
export function slowReaderTimeout(server: http.Server, idleMs: number): void {
  server.timeout = idleMs;
  // Before the app's own listener, so that an answer the app writes synchronously (a 421, a 404)
  // is already covered by onHeaders.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    req.socket.setTimeout(0);
    onHeaders(res, () => {
      req.socket.setTimeout(idleMs);
    });
  });
}
