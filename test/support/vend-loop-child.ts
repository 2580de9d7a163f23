// The crash test's writer (test/integration/vending/vend-crash.test.ts): compiled to JavaScript by the test with tsc
// and run as a plain node child process, it starts the real core on a data folder, signs in and vends in a loop through
// the dispatcher, printing each sale's tokens only after vend.confirm has returned them. The test kills it with
// SIGKILL at random moments and checks that every token it printed is in the database exactly once.
//
//   node vend-loop-child.js DATA_DIR APP_ROOT LOGIN PASSWORD VEND_PASSWORD ACCOUNT_ID...
//
// Output lines: "READY", then "SALE <sale id> <token>[,<token>...]" per sale. Exit code 3 on a refused vend.
import { randomUUID } from 'node:crypto';
import { startCore } from '../../electron/services/core';
import type { CallerContext } from '../../electron/services/handler-types';

type Reply = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

async function main(): Promise<void> {
  const [dataDir, appRoot, loginId, password, vendPassword, ...accountIds] = process.argv.slice(2);
  if (!dataDir || !appRoot || !loginId || !password || !vendPassword || accountIds.length === 0) {
    process.stderr.write('usage: vend-loop-child DATA_DIR APP_ROOT LOGIN PASSWORD VEND_PASSWORD ACCOUNT_ID...\n');
    process.exit(2);
  }
  const started = await startCore({ dataDir, appRoot, program: 'vend-loop', env: process.env });
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
  const call = async (channel: string, input: unknown): Promise<Record<string, unknown>> => {
    const reply = (await core.dispatch(channel, input, caller)) as Reply;
    if (!reply.ok) {
      process.stderr.write(`${channel}: ${reply.error.code}: ${reply.error.message}\n`);
      process.exit(3);
    }
    return reply.value as Record<string, unknown>;
  };
  await call('session.login', { username: loginId, password });
  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    const accountId = accountIds[n % accountIds.length] ?? '';
    const amount = String(1 + (n % 20));
    const quote = await call('vend.quote', { accountId, by: 'money', amount });
    const result = await call('vend.confirm', {
      accountId, by: 'money', amount, priceVersion: quote.priceVersion, paymentType: 'Cash', vendPassword, idempotencyKey: randomUUID(),
    });
    const sale = result.sale as { id: string; tokens: Array<{ digits: string }> };
    process.stdout.write(`SALE ${sale.id} ${sale.tokens.map((t) => t.digits).join(',')}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`vend loop failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(4);
});
