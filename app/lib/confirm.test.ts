import { describe, expect, it } from "vitest";
import { isKeeping, readConfirmation, typedNameMatches } from "./confirm";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("readConfirmation", () => {
  it("confirms only with the confirmed field", () => {
    expect(readConfirmation(form({ confirmed: "on", confirmName: " Deflectors " }))).toEqual({ confirmed: true, typedName: " Deflectors " });
    expect(readConfirmation(form({ confirmed: "yes" })).confirmed).toBe(false);
    expect(readConfirmation(form({})).confirmed).toBe(false);
  });

  it("never confirms when the keep button sent the step, though the step carries `confirmed`", () => {
    const kept = form({ confirmed: "on", keep: "on" });
    expect(isKeeping(kept)).toBe(true);
    expect(readConfirmation(kept).confirmed).toBe(false);
    expect(isKeeping(form({ confirmed: "on" }))).toBe(false);
  });

  it("matches a typed name ignoring spaces around it, only when confirmed", () => {
    expect(typedNameMatches(readConfirmation(form({ confirmed: "on", confirmName: " Deflectors " })), "Deflectors")).toBe(true);
    expect(typedNameMatches(readConfirmation(form({ confirmName: "Deflectors" })), "Deflectors")).toBe(false);
    expect(typedNameMatches(readConfirmation(form({ confirmed: "on", confirmName: "Deflector" })), "Deflectors")).toBe(false);
  });
});
