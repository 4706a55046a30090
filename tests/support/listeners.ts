/**
 * Which local addresses listen on a TCP port, read from /proc/net/tcp and tcp6 (Linux), without
 * sending any traffic. IPv4-mapped IPv6 listeners are reported as their IPv4 address.
 */
import { existsSync, readFileSync } from 'node:fs';

export const canReadListeners = existsSync('/proc/net/tcp');

export function listenAddresses(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [addr, portHex] = (cols[1] ?? '').split(':');
      if (cols[3] !== '0A' || !addr || Number.parseInt(portHex ?? '', 16) !== port) continue; // 0A = LISTEN
      // /proc prints each 32-bit word little-endian; the last word of ::ffff:a.b.c.d is the IPv4.
      const v4 = addr.slice(-8).match(/../g)!.reverse().map((h) => Number.parseInt(h, 16)).join('.');
      const mapped = addr.length === 8 || addr.slice(0, 24) === '0000000000000000FFFF0000';
      found.push(mapped ? v4 : addr === '00000000000000000000000000000000' ? '::' : addr);
    }
  }
  return found;
}
