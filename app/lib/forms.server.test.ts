import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as auth from "~/modules/auth/schemas";
import * as entries from "~/modules/entries/schemas";
import * as events from "~/modules/events/schemas";
import * as awards from "~/modules/judging/awards";
import * as judging from "~/modules/judging/schemas";
import * as problems from "~/modules/problems/schemas";
import * as teams from "~/modules/teams/schemas";
import { parseForm } from "./forms.server";

const form = (fields: [string, string][]) => {
  const body = new URLSearchParams();
  for (const [k, v] of fields) body.append(k, v);
  return body;
};

describe("parseForm's reply", () => {
  it("echoes known fields only, never a field the schema does not know", () => {
    const submission = parseForm(
      form([
        ["email", "not-an-email"],
        ["password", "x"],
        ["smuggled", "ECHO-ME"],
        ["redirectTo", "/archive"],
      ]),
      { schema: auth.signInSchema },
    );
    const reply = submission.reply({ hideFields: ["password"] });
    expect(reply.initialValue).toEqual({ email: "not-an-email", redirectTo: "/archive" });
    expect(reply.fields).toEqual(["email", "password", "redirectTo"]);
    expect(JSON.stringify(reply)).not.toContain("ECHO-ME");
    expect(reply.error?.email).toBeTruthy();
  });

  it("drops a known value longer than its maximum, but keeps its error", () => {
    const huge = "x".repeat(10_000);
    const reply = parseForm(
      form([
        ["name", huge],
        ["email", "a@example.com"],
        ["password", huge],
      ]),
      { schema: auth.signUpSchema },
    ).reply({ hideFields: ["password"] });
    expect(JSON.stringify(reply).length).toBeLessThan(1_000);
    expect(reply.initialValue).toEqual({ email: "a@example.com" });
    expect(reply.error?.name).toEqual(["Use at most 80 characters"]);
    expect(reply.error?.password).toEqual(["Use at most 200 characters"]);
  });

  it("gives back a text a little over its maximum with its error, so the person shortens it instead of typing it again", () => {
    const long = "A team name that goes on and on, well past sixty characters long";
    const reply = parseForm(form([["name", long]]), { schema: teams.teamRenameSchema }).reply();
    expect(reply.error?.name).toEqual(["Use at most 60 characters"]);
    expect(reply.initialValue).toEqual({ name: long });
    const far = parseForm(form([["name", "x".repeat(561)]]), { schema: teams.teamRenameSchema }).reply();
    expect(far.initialValue).toEqual({});
  });

  it("gives back a long text (a comment, an answer) up to ten times its maximum: a long paste is kept to shorten", () => {
    const schema = judging.scoreSheetSchema(["c1"], 5);
    const pasted = "A long comment. ".repeat(1_250);
    expect(pasted.length).toBe(20_000);
    const reply = parseForm(
      form([
        ["scores[0].criterionId", "c1"],
        ["scores[0].value", "3"],
        ["scores[0].comment", pasted],
      ]),
      { schema },
    ).reply();
    expect(reply.error?.["scores[0].comment"]).toEqual(["Use at most 2,000 characters"]);
    expect(reply.initialValue).toEqual({ scores: [{ criterionId: "c1", value: "3", comment: pasted }] });
  });

  it("gives back a paste into a 500-character note up to ten times its length, and no more", () => {
    const cv = "Ten years of SQL and forecasting. ".repeat(90).slice(0, 3_000);
    const reply = parseForm(form([["skills", cv]]), { schema: teams.seekerPostSchema }).reply();
    expect(reply.error?.skills).toEqual(["Use at most 500 characters"]);
    expect(reply.initialValue).toEqual({ skills: cv });
    expect(parseForm(form([["skills", "x".repeat(5_000)]]), { schema: teams.seekerPostSchema }).reply().initialValue).toEqual({ skills: "x".repeat(5_000) });
    expect(parseForm(form([["skills", "x".repeat(5_001)]]), { schema: teams.seekerPostSchema }).reply().initialValue).toEqual({});
  });

  it("walks lists of objects: known rows and fields stay, the rest goes", () => {
    const schema = judging.scoreSheetSchema(["c1", "c2"], 5);
    const reply = parseForm(
      form([
        ["scores[0].criterionId", "c1"],
        ["scores[0].value", "3"],
        ["scores[0].comment", "y".repeat(20_001)],
        ["scores[0].evil", "ECHO-ME"],
        ["scores[1].criterionId", "c2"],
        ["scores[1].comment", "fine"],
        ["overallComment", "ok"],
      ]),
      { schema },
    ).reply();
    expect(reply.initialValue).toEqual({
      scores: [
        { criterionId: "c1", value: "3" },
        { criterionId: "c2", comment: "fine" },
      ],
      overallComment: "ok",
    });
  });

  it("echoes conform's own list intent and state only when they are small", () => {
    const big = JSON.stringify({ type: "validate", payload: { name: "z".repeat(5_000) } });
    const reply = parseForm(
      form([
        ["__intent__", big],
        ["email", "a@example.com"],
      ]),
      { schema: auth.signInSchema },
    ).reply();
    expect(reply.intent).toBeUndefined();
    const small = parseForm(form([["__intent__", JSON.stringify({ type: "validate", payload: { name: "email" } })]]), { schema: auth.signInSchema }).reply();
    expect(small.intent).toEqual({ type: "validate", payload: { name: "email" } });
  });
});

/** Paths of every string in a schema that has no maximum length (a pipe is checked on its input). */
function stringsWithoutMax(schema: z.ZodType, path = ""): string[] {
  if (schema instanceof z.ZodPipe) return stringsWithoutMax(schema.in as z.ZodType, path);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) {
    return stringsWithoutMax(schema.unwrap() as z.ZodType, path);
  }
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([k, v]) => stringsWithoutMax(v, path ? `${path}.${k}` : k));
  if (schema instanceof z.ZodArray) return stringsWithoutMax(schema.element as z.ZodType, `${path}[]`);
  if (schema instanceof z.ZodString && schema.maxLength === null) return [path || "(root)"];
  return [];
}

describe("form schemas", () => {
  it("give every string a maximum length, so nothing unbounded reaches a hash, a query or a reply", () => {
    const modules = { auth, entries, events, awards, judging, problems, teams };
    const missing: string[] = [];
    let checked = 0;
    for (const [module, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        const schema = name === "scoreSheetSchema" ? judging.scoreSheetSchema(["c1"], 5) : value;
        if (!(schema instanceof z.ZodType)) continue;
        checked++;
        for (const path of stringsWithoutMax(schema)) missing.push(`${module}.${name}: ${path}`);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });
});
