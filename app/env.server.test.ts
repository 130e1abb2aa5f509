import { afterEach, describe, expect, it } from "vitest";
import { env, readEnv } from "./env.server";

describe("environment", () => {
  const saved = process.env.UPLOADS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.UPLOADS_DIR;
    else process.env.UPLOADS_DIR = saved;
  });

  it("reads the uploads folder and the rate-limit scale through one checked place", () => {
    expect(readEnv({})).toMatchObject({ uploadsDir: "data/uploads", rateLimitScale: 1 });
    expect(readEnv({ UPLOADS_DIR: "/srv/uploads", RATE_LIMIT_SCALE: "20" })).toMatchObject({ uploadsDir: "/srv/uploads", rateLimitScale: 20 });
    expect(() => readEnv({ RATE_LIMIT_SCALE: "lots" })).toThrow(/RATE_LIMIT_SCALE/);
    expect(() => readEnv({ RATE_LIMIT_SCALE: "0" })).toThrow(/RATE_LIMIT_SCALE must be at least 1/);
  });

  it("reads how often mail is looked for: every 3 s unless set, never more often than every 200 ms", () => {
    expect(readEnv({}).mailPollMs).toBe(3_000);
    expect(readEnv({ MAIL_POLL_MS: "500" }).mailPollMs).toBe(500);
    expect(() => readEnv({ MAIL_POLL_MS: "50" })).toThrow(/MAIL_POLL_MS must be at least 200/);
    expect(() => readEnv({ MAIL_POLL_MS: "soon" })).toThrow(/MAIL_POLL_MS must be a number of milliseconds/);
  });

  it("shares the password-hashing budget out among a server's processes, at least one hash at a time each", () => {
    const one = readEnv({ PASSWORD_HASH_CONCURRENCY: "4", PASSWORD_HASHES_PER_SECOND: "10", SIGN_IN_QUEUE: "16" }, 1);
    expect(one).toMatchObject({ passwordHashConcurrency: 4, passwordHashesPerSecond: 10, signInQueue: 16 });
    const shared = readEnv({ PASSWORD_HASH_CONCURRENCY: "4", PASSWORD_HASHES_PER_SECOND: "10", SIGN_IN_QUEUE: "15" }, 4);
    expect(shared).toMatchObject({ passwordHashConcurrency: 1, passwordHashesPerSecond: 2.5, signInQueue: 4 });
    expect(readEnv({ PASSWORD_HASH_CONCURRENCY: "1" }, 3).passwordHashConcurrency).toBe(1);
    // Outside a worker the count asked for is not this process's share: only server.mjs's workers divide.
    expect(readEnv({ WEB_CONCURRENCY: "4" }).passwordHashesPerSecond).toBe(10);
  });

  it("follows a variable changed after start-up", () => {
    process.env.UPLOADS_DIR = "/tmp/first";
    expect(env().uploadsDir).toBe("/tmp/first");
    process.env.UPLOADS_DIR = "/tmp/second";
    expect(env().uploadsDir).toBe("/tmp/second");
  });
});
