// A mail sender in a process of its own, for the test that kills one with SIGKILL mid-batch
// (app/modules/mail/sender-crash.server.test.ts). DATABASE_URL comes from the parent; argv: SMTP URL, lease ms.
import { createMailSender, smtpTransport } from "~/modules/mail/sender.server";

const [smtpUrl, leaseMs] = process.argv.slice(2);
createMailSender({ transport: smtpTransport(smtpUrl), from: "Problem First <hack@example.com>", batchSize: 5, leaseMs: Number(leaseMs) }).start(20);
process.stdout.write("started\n");
// The sender's timer is unref'd: keep the process alive until it is killed.
setInterval(() => {}, 60_000);
