// What a session carries (sessionCallback in callbacks.ts names the fields), told to Auth.js's
// types once, so `session.user` needs no cast anywhere.
import type { SessionUser } from "./callbacks";

declare module "@auth/core/types" {
  interface Session {
    user?: SessionUser;
  }
}
