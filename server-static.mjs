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
 * Writes a .br (brotli, quality 11) and a .gz (gzip, level 9) beside each script, style sheet or other text file in
 * `dir` (not below it), where it is smaller than the file. The build's last step (vite.config.ts, Remix's
 * `buildEnd`), after Remix has moved the server build's style sheet into the same directory.
 * @param {string} dir
 */
export async function precompress(dir) {
  const files = (await fs.readdir(dir, { withFileTypes: true })).filter((f) => f.isFile() && COMPRESSED.test(f.name));
  await Promise.all(
    files.map(async ({ name }) => {
      const full = path.join(dir, name);
      const body = await fs.readFile(full);
      const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length };
      const [br, gz] = await Promise.all([brotli(body, { params }), gzip(body, { level: 9 })]);
      // An empty chunk, say, is no smaller compressed: it is sent as it is.
      await Promise.all([br.length < body.length && fs.writeFile(`${full}.br`, br), gz.length < body.length && fs.writeFile(`${full}.gz`, gz)]);
    }),
  );
}

/**
 * The built assets' compressed twins, for the static handler of their directory. `choose`, a middleware in front of
 * everything that reads Accept-Encoding, points a request for a file that has twins, from a client that accepts one
 * of their encodings, at the twin; `setHeaders`, the static handler's option, names the encoding and the original's
 * type once that twin is really sent. A request the static handler passes on (a POST, a file gone) carries neither. The compression middleware leaves a response that already has an encoding alone. The directory is
 * listed once.
 * @param {string} dir
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
  /** @type {import("express").RequestHandler} */
  const choose = (req, res, next) => {
    const available = twins.get(req.path);
    if (!available) return next();
    res.vary("Accept-Encoding");
    const chosen = ENCODINGS.find(([encoding]) => available.has(encoding) && req.acceptsEncodings(encoding) === encoding);
    if (chosen) {
      res.locals.precompressed = { encoding: chosen[0], suffix: chosen[1], type: path.extname(req.path) };
      req.url = req.path + chosen[1];
    }
    next();
  };
  /** @param {import("express").Response} res @param {string} file */
  const setHeaders = (res, file) => {
    const chosen = res.locals.precompressed;
    if (!chosen || !file.endsWith(chosen.suffix)) return;
    res.setHeader("Content-Encoding", chosen.encoding);
    res.type(chosen.type);
  };
  return { choose, setHeaders };
}
