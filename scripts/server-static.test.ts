import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompress, precompressedFiles } from "../server-static.mjs";

const script = `export const words = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `word ${i % 37}`))};\n`;
let dir: string;
let server: http.Server;
let port: number;

/** A request with the raw body as sent: node:http does not decode it, as fetch would. */
function request(method: string, file: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    http
      .request({ port, method, path: `/assets/${file}`, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject)
      .end();
  });
}

const get = (file: string, acceptEncoding?: string) => request("GET", file, acceptEncoding);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "precompress-"));
  fs.writeFileSync(path.join(dir, "page-Ab12.js"), script);
  fs.writeFileSync(path.join(dir, "empty-Ef90.js"), "");
  fs.writeFileSync(path.join(dir, "picture.png"), "not text");
  fs.mkdirSync(path.join(dir, ".vite"));
  fs.writeFileSync(path.join(dir, ".vite", "manifest.json"), script);
  await precompress(dir);
  // Written after the build: a file without twins.
  fs.writeFileSync(path.join(dir, "plain-Cd34.js"), script);
  const assets = precompressedFiles(dir);
  const app = express();
  app.use("/assets", assets.choose);
  app.use("/assets", express.static(dir, { setHeaders: assets.setHeaders }));
  // The app behind, as Remix is in server.mjs: it answers what the static files pass on, and keeps headers set before.
  app.use((_req, res) => void res.status(404).type("text").send("Not found"));
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("scripts compressed when built", () => {
  it("writes a brotli and a gzip twin of each script in the directory, and none of other files, below it or no smaller", () => {
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, "page-Ab12.js.br"))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, "page-Ab12.js.gz"))).toString()).toBe(script);
    expect(fs.existsSync(path.join(dir, "picture.png.br"))).toBe(false);
    expect(fs.existsSync(path.join(dir, ".vite", "manifest.json.gz"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "empty-Ef90.js.gz"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "empty-Ef90.js.br"))).toBe(false);
  });

  it("sends the brotli twin to a browser that accepts brotli, as a script of the twin's length", async () => {
    const res = await get("page-Ab12.js", "gzip, deflate, br, zstd");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^(application|text)\/javascript/);
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(script.length / 4);
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it("sends the gzip twin where brotli is not accepted", async () => {
    for (const accepted of ["gzip, deflate", "br;q=0, gzip"]) {
      const res = await get("page-Ab12.js", accepted);
      expect(res.headers["content-encoding"], accepted).toBe("gzip");
      expect(zlib.gunzipSync(res.body).toString()).toBe(script);
    }
  });

  it("sends the file itself to a client that accepts no encoding, or a file without twins", async () => {
    for (const accepted of [undefined, "identity", "gzip;q=0, br;q=0"]) {
      const res = await get("page-Ab12.js", accepted);
      expect(res.headers["content-encoding"], accepted).toBeUndefined();
      expect(res.body.toString()).toBe(script);
    }
    const plain = await get("plain-Cd34.js", "gzip, br");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });

  it("answers 404 for a file that is not there, and the twin's own name as a file of its own", async () => {
    expect((await get("missing-Ef56.js", "br")).status).toBe(404);
    const twin = await get("page-Ab12.js.br", "br");
    expect(twin.status).toBe(200);
    expect(twin.headers["content-encoding"]).toBeUndefined();
    expect(twin.headers["content-type"]).not.toMatch(/javascript/);
  });

  it("answers HEAD as GET, without a body", async () => {
    const res = await request("HEAD", "page-Ab12.js", "br");
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(fs.statSync(path.join(dir, "page-Ab12.js.br")).size);
    expect(res.body.length).toBe(0);
  });

  it("names no encoding on a response the static files did not send", async () => {
    // A POST is passed on by the static handler (to the app's 404), and so is a twin gone since start.
    const post = await request("POST", "page-Ab12.js", "br");
    expect(post.status).toBe(404);
    expect(post.headers["content-encoding"]).toBeUndefined();
    fs.renameSync(path.join(dir, "page-Ab12.js.gz"), path.join(dir, "moved.gz"));
    try {
      const gone = await get("page-Ab12.js", "gzip");
      expect(gone.status).toBe(404);
      expect(gone.headers["content-encoding"]).toBeUndefined();
      expect(gone.headers["content-type"]).not.toMatch(/javascript/);
    } finally {
      fs.renameSync(path.join(dir, "moved.gz"), path.join(dir, "page-Ab12.js.gz"));
    }
  });
});
