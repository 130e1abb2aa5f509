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

/** A GET with the raw body as sent: node:http does not decode it, as fetch would. */
function get(file: string, acceptEncoding?: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding === undefined ? {} : { "Accept-Encoding": acceptEncoding };
    http
      .get({ port, path: `/assets/${file}`, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "precompress-"));
  fs.writeFileSync(path.join(dir, "page-Ab12.js"), script);
  fs.writeFileSync(path.join(dir, "plain-Cd34.js"), script);
  fs.writeFileSync(path.join(dir, "picture.png"), "not text");
  await precompress(dir, ["page-Ab12.js", "picture.png"]);
  const app = express();
  app.use("/assets", precompressedFiles(dir), express.static(dir));
  server = app.listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(() => {
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("scripts compressed when built", () => {
  it("writes a brotli and a gzip twin of each script named, and none of other files", () => {
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dir, "page-Ab12.js.br"))).toString()).toBe(script);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dir, "page-Ab12.js.gz"))).toString()).toBe(script);
    expect(fs.existsSync(path.join(dir, "picture.png.br"))).toBe(false);
    expect(fs.existsSync(path.join(dir, "plain-Cd34.js.gz"))).toBe(false);
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

  it("answers 404 for a file that is not there, and for the twin's own name only as that file", async () => {
    expect((await get("missing-Ef56.js", "br")).status).toBe(404);
    const twin = await get("page-Ab12.js.br", "br");
    expect(twin.headers["content-encoding"]).toBeUndefined();
  });
});
