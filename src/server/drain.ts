/**
 * Graceful shutdown of the HTTP server without dropping a request on the floor.
 *
 * Node's `server.close()` (and Apollo's drain plugin) end every connection that is not busy at
 * that instant. Under load that includes connections whose next request is already in the socket
 * buffer but not yet parsed: those clients see a reset instead of an answer. Here, on drain:
 * - the listener stops accepting connections (new clients are refused at TCP level);
 * - requests already being handled complete, and their connection closes after the response;
 * - a request that arrives on an existing connection during the drain is answered
 *   503 SERVICE_UNAVAILABLE with `Connection: close` (refused, but cleanly);
 * - a connection that stays idle for `idleGraceMs` is closed;
 * - after `graceMs`, whatever is left is destroyed.
 */
import type http from 'node:http';
import net from 'node:net';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode } from '../errors/index.js';

/** Tracks connections of one HTTP server and drains them on request. */
export interface Drainer {
  /** Express middleware answering 503 to requests that arrive while draining (mount it first). */
  refuseWhileDraining(req: Request, res: Response, next: NextFunction): void;
  /** Stops accepting, lets in-flight requests finish, resolves when every connection is closed. */
  drain(graceMs: number, idleGraceMs?: number): Promise<void>;
  readonly draining: boolean;
}

/** Starts tracking `server`'s connections; call before it accepts any. */
export function createDrainer(server: http.Server): Drainer {
  const inFlight = new Map<net.Socket, number>();
  /** Responses not yet finished: told to close their connection when the drain starts. */
  const unfinished = new Set<http.ServerResponse>();
  let draining = false;

  const endIfIdle = (socket: net.Socket) => {
    if ((inFlight.get(socket) ?? 0) === 0) socket.end();
  };

  server.on('connection', (socket: net.Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    unfinished.add(res);
    res.once('close', () => {
      unfinished.delete(res);
      inFlight.set(socket, Math.max(0, (inFlight.get(socket) ?? 1) - 1));
      if (draining) endIfIdle(socket);
    });
  });

  return {
    get draining() {
      return draining;
    },

    refuseWhileDraining(_req, res, next) {
      if (!draining) {
        next();
        return;
      }
      res.setHeader('Connection', 'close');
      res.status(503).json({ errors: [{ message: 'The service is shutting down; try again shortly.', extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } }] });
    },

    drain(graceMs, idleGraceMs = 500) {
      draining = true;
      // Busy connections close after their response. Say so in the response, or the client sends
      // its next request on the connection as we close it, and sees a reset instead of a 503.
      for (const res of unfinished) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        // net.Server's close stops accepting without http.Server's "close idle connections now".
        net.Server.prototype.close.call(server, () => {
          clearTimeout(hard);
          resolve();
        });
        for (const socket of inFlight.keys()) {
          // Busy connections close after their response (see 'request' above); idle ones get a
          // moment for a request that may already be on its way, then close.
          setTimeout(() => endIfIdle(socket), idleGraceMs).unref();
        }
        const hard = setTimeout(() => {
          for (const socket of inFlight.keys()) socket.destroy();
        }, graceMs);
        hard.unref();
      });
    },
  };
}
