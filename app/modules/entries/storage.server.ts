// Where uploaded files live. Local disk under the data folder by default (UPLOADS_DIR overrides);
// the rest of the app only sees keys, so an object store can replace this one file.
import fs from "node:fs/promises";
import path from "node:path";
import { env } from "~/env.server";

const root = () => path.resolve(env().uploadsDir);

function pathFor(key: string) {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error("Invalid storage key");
  return path.join(root(), key.slice(0, 2), key);
}

export async function putFile(key: string, bytes: Uint8Array) {
  const file = pathFor(key);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, bytes);
}

export async function readStoredFile(key: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(pathFor(key));
  } catch {
    return null;
  }
}

export async function deleteFile(key: string) {
  await fs.rm(pathFor(key), { force: true });
}
