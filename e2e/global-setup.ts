// Before the whole run: one real SMTP receiver on E2E_SMTP_PORT, where the e2e server sends its mail. It
// stores each message as a file (e2e/mail.ts reads them), so every worker sees every message.
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export default async function globalSetup() {
  const dir = process.env.E2E_MAIL_DIR!;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS", "AUTH"],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        // Written under a temporary name and renamed, so a reader never sees half a message.
        const name = `${String(++count).padStart(6, "0")}-${Date.now()}.eml`;
        fs.writeFileSync(path.join(dir, `${name}.part`), Buffer.concat(chunks));
        fs.renameSync(path.join(dir, `${name}.part`), path.join(dir, name));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(Number(process.env.E2E_SMTP_PORT), "127.0.0.1", resolve));
  return async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
