// Scripts and style sheets compressed once, when they are built, and sent as they are (ADR 057). Vite's hashed files
// never change, so compressing them again for every request (level 1, to spare the CPU) sent 13% more bytes than
// gzip at level 9, and brotli at its best is smaller still.
import fs from "node:fs/promises";
import path from "node:path";
import { readdirSync } from "node:fs";
import { promisify } from "node:util";
import zlib from "node:zlib";

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/** Each encoding the server may send a file in, most compact first, with the suffix of its file on disk. */
const ENCODINGS = /** @type {const} */ ([
  ["br", ".br"],
  ["gzip", ".gz"],
]);
const COMPRESSED = /\.(js|css|svg|json|txt)$/;

/**
 * Writes a .br (brotli, quality 11) and a .gz (gzip, level 9) beside each script, style sheet or other text file
 * named: paths relative
 * to `dir`. The client build's last step (vite.config.ts).
 * @param {string} dir @param {string[]} files
 */
export async function precompress(dir, files) {
  await Promise.all(
    files
      .filter((file) => COMPRESSED.test(file))
      .map(async (file) => {
        const full = path.join(dir, file);
        const body = await fs.readFile(full);
        const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
        await Promise.all([fs.writeFile(`${full}.br`, await brotli(body, { params })), fs.writeFile(`${full}.gz`, await gzip(body, { level: 9 }))]);
      }),
  );
}

/**
 * Middleware for the directory of built assets, before a static handler of the same directory: a request for a file
 * that has compressed twins, from a client that accepts one of their encodings, is pointed at the twin, with the
 * original's type and the encoding named. The static handler then sends it with its own length and ETag, and the
 * compression middleware leaves a response that already has an encoding alone. The directory is listed once.
 * @param {string} dir
 * @returns {import("express").RequestHandler}
 */
export function precompressedFiles(dir) {
  /** @type {Map<string, Set<string>>} request path → encodings on disk */
  const twins = new Map();
  for (const name of readdirSync(dir)) {
    for (const [encoding, suffix] of ENCODINGS) {
      if (!name.endsWith(suffix)) continue;
      const original = encodeURI(`/${name.slice(0, -suffix.length)}`);
      twins.set(original, (twins.get(original) ?? new Set()).add(encoding));
    }
  }
  return (req, res, next) => {
    const available = twins.get(req.path);
    if (!available) return next();
    res.vary("Accept-Encoding");
    const chosen = ENCODINGS.find(([encoding]) => available.has(encoding) && req.acceptsEncodings(encoding) === encoding);
    if (chosen) {
      res.setHeader("Content-Encoding", chosen[0]);
      res.type(path.extname(req.path));
      req.url = req.path + chosen[1];
    }
    next();
  };
}
