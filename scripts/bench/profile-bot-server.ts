/**
 * Profiling helper (not part of `npm run bench`): bot-server.ts, plus `{ exit: true }` over IPC to
 * exit normally, so that `node --cpu-prof` writes its profile. Used by profile-http.ts.
 */
import './bot-server';

process.on('message', (m: { exit?: boolean }) => {
  if (m.exit) process.exit(0);
});
