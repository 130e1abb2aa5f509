import { UNSAFE_ErrorResponseImpl as ErrorResponse } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { errorToLog } from "./http.server";

describe("errorToLog", () => {
  const noRoute = new ErrorResponse(404, "Not Found", new Error('No route matches URL "/favicon.ico"'), true);

  it("logs a loader's or action's own error", () => {
    const error = new Error("database is locked");
    expect(errorToLog(error, false)).toBe(error);
  });

  it("logs nothing for a request the browser gave up on", () => {
    expect(errorToLog(new Error("aborted"), true)).toBeNull();
  });

  it("logs nothing for an address no route matches, or a method a route does not answer", () => {
    expect(errorToLog(noRoute, false)).toBeNull();
    expect(errorToLog(new ErrorResponse(405, "Method Not Allowed", new Error("no action"), true), false)).toBeNull();
  });

  it("logs the router's own error, with its stack, for any other internal response", () => {
    const inner = new Error("Invalid request");
    expect(errorToLog(new ErrorResponse(400, "Bad Request", inner, true), false)).toBe(inner);
    const plain = new ErrorResponse(500, "Server Error", "no inner error");
    expect(errorToLog(plain, false)).toBe(plain);
  });
});
