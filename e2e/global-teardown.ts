// After the whole run: remove the e2e server's database. Each run picks a free port and so has a
// database of its own; the server is killed without a chance to clean up, so the runner does it.
import fs from "node:fs";

export default function globalTeardown() {
  const file = `data/e2e-${process.env.E2E_PORT}.db`;
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
