import { describe, expect, it } from "vitest";
import { isKeptKind, KEPT_FOR_MS, keptTypingFate } from "./kept-typing-rules";

describe("keptTypingFate", () => {
  const kept = { userId: "kim", path: "/account", at: 1_000_000 };

  it("waits while nobody is signed in: the sign-in page, on the way back", () => {
    expect(keptTypingFate(kept, null, "/login", kept.at + 60_000)).toBe("wait");
    expect(keptTypingFate(kept, null, "/account", kept.at)).toBe("wait");
  });

  it("puts the typing back on its own page, for the person who typed it, until KEPT_FOR_MS has passed", () => {
    expect(keptTypingFate(kept, "kim", "/account", kept.at + 60_000)).toBe("restore");
    expect(keptTypingFate(kept, "kim", "/account", kept.at + KEPT_FOR_MS)).toBe("restore");
    expect(keptTypingFate(kept, "kim", "/account", kept.at + KEPT_FOR_MS + 1)).toBe("drop");
    expect(keptTypingFate(kept, null, "/login", kept.at + KEPT_FOR_MS + 1)).toBe("drop");
  });

  it("never shows it to another account, and forgets it when the person lands elsewhere", () => {
    expect(keptTypingFate(kept, "lee", "/account", kept.at + 60_000)).toBe("drop");
    expect(keptTypingFate(kept, "kim", "/", kept.at + 60_000)).toBe("drop");
  });

  it("keeps typing for two hours", () => {
    expect(KEPT_FOR_MS).toBe(2 * 60 * 60 * 1000);
  });
});

describe("isKeptKind", () => {
  it("keeps what people type or pick", () => {
    for (const type of ["text", "textarea", "email", "url", "number", "datetime-local", "checkbox", "radio", "select-one", "search"])
      expect(isKeptKind(type)).toBe(true);
  });

  it("never keeps a password, a file, a hidden field or a button", () => {
    for (const type of ["password", "file", "hidden", "submit", "button", "reset", "image"]) expect(isKeptKind(type)).toBe(false);
  });
});
