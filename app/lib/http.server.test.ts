import { UNSAFE_ErrorResponseImpl as ErrorResponse } from "@remix-run/router";
import { describe, expect, it } from "vitest";
import { errorToLog } from "./http.server";

describe("errorToLog", () => {
  const noRoute = new ErrorResponse(404, "Not Found", new Error('No route matches URL "/favicon.ico"'), true);
  const request = (method = "GET", aborted = false) => ({ method, url: "http://localhost/events/spring?x=1", signal: { aborted } as AbortSignal });

  it("logs a loader's or action's own error", () => {
    const error = new Error("database is locked");
    expect(errorToLog(error, request())).toBe(error);
  });

  it("logs nothing for a request the browser gave up on", () => {
    expect(errorToLog(new Error("aborted"), request("GET", true))).toBeNull();
  });

  it("logs nothing for an address no route matches", () => {
    expect(errorToLog(noRoute, request())).toBeNull();
  });

  it("logs one line, without the router's stack, for a POST to a route without an action, and nothing for other methods", () => {
    const noAction = new ErrorResponse(405, "Method Not Allowed", new Error("no action"), true);
    expect(errorToLog(noAction, request("POST"))).toBe("405: POST /events/spring goes to a route without an action");
    const fetcher = { ...request("POST"), url: "http://localhost/events/spring.data?index" };
    expect(errorToLog(noAction, fetcher)).toBe("405: POST /events/spring goes to a route without an action");
    const home = { ...request("POST"), url: "http://localhost/_root.data" };
    expect(errorToLog(noAction, home)).toBe("405: POST / goes to a route without an action");
    expect(errorToLog(noAction, request("OPTIONS"))).toBeNull();
    expect(errorToLog(noAction, request("PUT"))).toBeNull();
  });

  it("logs the router's own error, with its stack, for any other internal response", () => {
    const inner = new Error("Invalid request");
    expect(errorToLog(new ErrorResponse(400, "Bad Request", inner, true), request())).toBe(inner);
    const plain = new ErrorResponse(500, "Server Error", "no inner error");
    expect(errorToLog(plain, request())).toBe(plain);
  });
});
