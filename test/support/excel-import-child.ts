// The Excel import crash test's writer (test/integration/library/excel-import-crash.test.ts): run as a node child
// process with tsx's loader, it starts the real core on a data folder, signs in and imports one meter workbook through
// the dispatcher, printing every `progress` event as it is published. Progress during the commit is published from
// inside the write transaction, and a pipe write is synchronous on Linux, so "COMMIT" lines reach the test while the
// transaction is open; the test kills the child with SIGKILL there.
//
//   node --import tsx excel-import-child.ts DATA_DIR APP_ROOT LOGIN PASSWORD FILE
import fs from 'node:fs';
import { startCore } from '../../electron/services/core';
import type { CallerContext } from '../../electron/services/handler-types';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function main(): Promise<void> {
  const [dataDir, appRoot, loginId, password, file] = process.argv.slice(2);
  if (!dataDir || !appRoot || !loginId || !password || !file) {
    process.stderr.write('usage: excel-import-child DATA_DIR APP_ROOT LOGIN PASSWORD FILE\n');
    process.exit(2);
  }
  const started = await startCore({ dataDir, appRoot, program: 'excel-import', env: process.env });
  if (!started.ok) {
    process.stderr.write(`core did not start: ${started.problem.message}\n`);
    process.exit(2);
  }
  const { core } = started;
  let token: string | null = null;
  const caller: CallerContext = {
    transport: 'test',
    get sessionToken() {
      return token;
    },
    setSessionToken(next) {
      token = next;
    },
  };
  const login = (await core.dispatch('session.login', { username: loginId, password }, caller)) as Reply;
  if (!login.ok) {
    process.stderr.write(`login: ${login.error.message}\n`);
    process.exit(3);
  }
  core.services.events.subscribe((name, payload) => {
    if (name !== 'progress') return;
    // done and total count two steps a row (checked, then written): past half, the commit is running
    const { done, total } = payload as { done: number; total: number };
    process.stdout.write(`${done > total / 2 && done < total ? 'COMMIT' : 'PROGRESS'} ${done} ${total}\n`);
  });
  const fileBase64 = fs.readFileSync(file).toString('base64');
  const reply = (await core.dispatch('meters.import', { fileBase64, fileName: 'meters.xlsx', taskId: 'crash' }, caller)) as Reply;
  process.stdout.write(`DONE ${JSON.stringify(reply.ok ? { saved: (reply.value as { saved: boolean }).saved } : reply.error)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`excel import child failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
