import net from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now, chosen by the kernel. For extra test instances, so
 * two test runs on one machine (engineers share a working tree) never fight over fixed ports.
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
