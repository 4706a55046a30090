/**
 * Admission control: how many GraphQL operations execute at once, so that no client, and no kind
 * of request, can take the Neo4j connection pool (100 connections) or the CPU from the others.
 * - Per client (remote address): at most `perClient` operations executing; one more is refused
 *   at once with 429 TOO_MANY_REQUESTS (a client that wants more must wait for its own answers).
 * - All clients: at most `global` executing; more wait in line (FIFO) for up to `waitMs`, then
 *   get 503 SERVICE_UNAVAILABLE.
 * - Heavy operations (cost ≥ heavyCost: deep traversals, big answers) also need one of `heavy`
 *   heavy slots, and a client may have at most `perClientHeavy` heavy ones queued or running.
 *   Light operations never wait behind heavy ones: a name lookup stays quick while a crowd of
 *   deep neighbourhoods queues for its slots.
 * Slots are taken once the operation's cost is known (./costLimit.ts) and released when the
 * response is sent, whatever its outcome.
 */
import { AppError, ErrorCode } from '../errors/index.js';

/** The limits. */
export interface AdmissionLimits {
  global: number;
  perClient: number;
  heavy: number;
  perClientHeavy: number;
  /** Longest wait for a slot before 503. */
  waitMs: number;
}

/** A counting semaphore whose waiters give up after a deadline. */
class Slots {
  private used = 0;
  private readonly waiters: (() => void)[] = [];
  constructor(private readonly size: number) {}

  /** Resolves true with a slot taken, or false when none freed within `waitMs`. */
  take(waitMs: number): Promise<boolean> {
    if (this.used < this.size) {
      this.used++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const grant = () => {
        clearTimeout(timer);
        resolve(true); // the slot is handed over by give(), still counted in `used`
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(grant);
        if (i !== -1) this.waiters.splice(i, 1);
        resolve(false);
      }, waitMs);
      this.waiters.push(grant);
    });
  }

  give(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.used--;
  }
}

/** A ticket for one admitted operation; `release()` is idempotent. */
export interface Ticket {
  release(): void;
}

/** The admission controller of one server. */
export class Admission {
  private readonly global: Slots;
  private readonly heavy: Slots;
  private readonly running = new Map<string, number>();
  private readonly heavyHeld = new Map<string, number>();

  constructor(private readonly limits: AdmissionLimits) {
    this.global = new Slots(limits.global);
    this.heavy = new Slots(limits.heavy);
  }

  /** Admits one operation of `client`, waiting if need be; throws a coded AppError when refused. */
  async admit(client: string, isHeavy: boolean): Promise<Ticket> {
    const bump = (m: Map<string, number>, d: number) => {
      const n = (m.get(client) ?? 0) + d;
      if (n === 0) m.delete(client);
      else m.set(client, n);
    };
    if ((this.running.get(client) ?? 0) >= this.limits.perClient || (isHeavy && (this.heavyHeld.get(client) ?? 0) >= this.limits.perClientHeavy)) {
      throw new AppError(ErrorCode.TOO_MANY_REQUESTS, 'Too many requests from this client at once; wait for an answer before sending more.', { http: { status: 429 } });
    }
    const busy = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The service is busy; try again shortly.', { http: { status: 503 } });
    bump(this.running, 1);
    let heldHeavy = false;
    try {
      if (isHeavy) {
        bump(this.heavyHeld, 1);
        if (!(await this.heavy.take(this.limits.waitMs))) {
          bump(this.heavyHeld, -1);
          throw busy();
        }
        heldHeavy = true;
      }
      if (!(await this.global.take(this.limits.waitMs))) throw busy();
    } catch (err) {
      if (heldHeavy) {
        this.heavy.give();
        bump(this.heavyHeld, -1);
      }
      bump(this.running, -1);
      throw err;
    }
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.global.give();
        if (heldHeavy) {
          this.heavy.give();
          bump(this.heavyHeld, -1);
        }
        bump(this.running, -1);
      },
    };
  }
}
