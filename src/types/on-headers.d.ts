// on-headers ships no types; this is its whole API.
declare module 'on-headers' {
  import type { ServerResponse } from 'node:http';
  /** Calls `listener` (with `this` = res) just before `res` writes its headers. */
  export default function onHeaders(res: ServerResponse, listener: (this: ServerResponse) => void): void;
}
