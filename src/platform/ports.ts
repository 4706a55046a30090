import net from 'node:net';

/**
 * True when nothing is bound to 127.0.0.1:port. We try to bind it ourselves: that is exactly what
 * Neo4j will do next, and it also catches listeners on 0.0.0.0 that a connect probe could miss.
 */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}
