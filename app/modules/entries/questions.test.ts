import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, it } from "vitest";
import { answerText } from "./labels";
import { answersSchema, questionsFormSchema } from "./question-schemas";
import { answerProblem, parseOptions, questionsAddedSince, questionsFormFields, readOptions, withRemovalKept, type Question } from "./questions";
import { entrySchemaFor } from "./schemas";

const q = (over: Partial<Question> = {}): Question => ({ id: "q1", kind: "short-text", label: "Which team?", required: false, options: [], ...over });
const paths = (r: { error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join("."));

describe("questionsFormSchema", () => {
  it("accepts up to five questions of each kind", () => {
    const r = questionsFormSchema.safeParse({
      questions: [
        { label: "Team size?", kind: "short-text" },
        { label: "What data?", kind: "long-text", required: true },
        { label: "Used customer data?", kind: "yes-no" },
        { label: "Track", kind: "choice", options: "Support\nSales\n\nSupport" },
      ],
    });
    expect(r.success).toBe(true);
    expect(r.data?.questions[1]).toMatchObject({ required: true });
  });
  it("refuses a sixth question", () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ label: `Q${i}`, kind: "short-text" }));
    expect(questionsFormSchema.safeParse({ questions: six }).error!.issues[0].message).toBe("Ask at most 5 questions");
  });
  it("needs a label and a kind", () => {
    expect(paths(questionsFormSchema.safeParse({ questions: [{ label: "  ", kind: "essay" }] }))).toEqual(["questions.0.label", "questions.0.kind"]);
  });
  it("needs 2 to 10 different options for one of a list", () => {
    const choice = (options: string) => questionsFormSchema.safeParse({ questions: [{ label: "Track", kind: "choice", options }] });
    expect(choice("Only one\nOnly one").error!.issues).toMatchObject([
      { path: ["questions", 0, "options"], message: "Give 2 to 10 different options, one a line" },
    ]);
    expect(choice(Array.from({ length: 11 }, (_, i) => `o${i}`).join("\n")).success).toBe(false);
    expect(choice(Array.from({ length: 10 }, (_, i) => `o${i}`).join("\n")).success).toBe(true);
    expect(choice(`a\n${"b".repeat(81)}`).error!.issues).toMatchObject([
      { code: "custom", path: ["questions", 0, "options"], message: "Keep each option to 80 characters" },
    ]);
    expect(choice(`a\n${"b".repeat(80)}`).success).toBe(true);
    expect(choice("Only one").error!.issues).toMatchObject([{ code: "custom" }]);
  });
  it("ignores options on other kinds", () => {
    expect(questionsFormSchema.safeParse({ questions: [{ label: "Why?", kind: "long-text", options: "x" }] }).success).toBe(true);
  });
});

describe("questionsFormFields", () => {
  it("names the editor's fields so that parsing them gives back the same questions", () => {
    const value = {
      questions: [
        { id: "q1", label: "Did you use customer data?", kind: "yes-no" as const, required: true, options: "" },
        { label: "Track", kind: "choice" as const, required: false, options: "Support\nSales" },
      ],
    };
    const fields = questionsFormFields(value);
    expect(fields).toEqual({
      "questions[0].id": "q1",
      "questions[0].label": "Did you use customer data?",
      "questions[0].kind": "yes-no",
      "questions[0].required": "on",
      "questions[1].label": "Track",
      "questions[1].kind": "choice",
      "questions[1].options": "Support\nSales",
    });
    const form = new FormData();
    for (const [name, v] of Object.entries(fields)) form.append(name, v);
    const parsed = parseWithZod(form, { schema: questionsFormSchema });
    expect(parsed.status === "success" && parsed.value).toEqual(value);
  });
  it("gives no fields for no questions, which parse as none", () => {
    expect(questionsFormFields({ questions: [] })).toEqual({});
    const parsed = parseWithZod(new FormData(), { schema: questionsFormSchema });
    expect(parsed.status === "success" && parsed.value).toEqual({ questions: [] });
  });
});

describe("withRemovalKept", () => {
  const stored: Question[] = ["a", "b", "c", "d"].map((id) => ({ id, kind: "short-text", label: id.toUpperCase(), required: id === "b", options: [] }));
  const sent = (...ids: string[]) => ids.map((id) => ({ id, kind: "short-text" as const, label: `${id} edited`, required: false, options: "" }));

  it("puts the named questions back at their stored places, as stored, and keeps the other edits", () => {
    expect(withRemovalKept(sent("c"), stored, ["a", "b", "d"])).toEqual([
      { id: "a", kind: "short-text", label: "A", required: false, options: "" },
      { id: "b", kind: "short-text", label: "B", required: true, options: "" },
      { id: "c", kind: "short-text", label: "c edited", required: false, options: "" },
      { id: "d", kind: "short-text", label: "D", required: false, options: "" },
    ]);
    expect(withRemovalKept(sent("a", "d"), stored, ["b"]).map((q) => q.label)).toEqual(["a edited", "B", "d edited"]);
  });

  it("restores only what the step named, never twice, and keeps new questions and the new order", () => {
    const fresh = { kind: "long-text" as const, label: "New", required: false, options: "" };
    expect(withRemovalKept([...sent("d", "a"), fresh], stored, ["c"]).map((q) => q.label)).toEqual(["d edited", "a edited", "C", "New"]);
    expect(withRemovalKept(sent("a", "b"), stored, ["b"]).map((q) => q.label)).toEqual(["a edited", "b edited"]);
    expect(withRemovalKept([], stored, ["d"]).map((q) => q.id)).toEqual(["d"]);
  });

  it("joins a choice question's options one a line, as the editor shows them", () => {
    const choice: Question = { id: "t", kind: "choice", label: "Track", required: false, options: ["Sales", "Legal"] };
    expect(withRemovalKept([], [choice], ["t"])).toEqual([{ id: "t", kind: "choice", label: "Track", required: false, options: "Sales\nLegal" }]);
  });
});

describe("parseOptions and readOptions", () => {
  it("reads one option a line, trimmed, without blanks or repeats", () => {
    expect(parseOptions(" A \r\n\nB\nA")).toEqual(["A", "B"]);
  });
  it("reads stored JSON, anything else as none", () => {
    expect(readOptions('["a","b",3]')).toEqual(["a", "b"]);
    expect(readOptions("not json")).toEqual([]);
    expect(readOptions('{"a":1}')).toEqual([]);
  });
});

describe("answerProblem", () => {
  it("lets a draft leave a required question empty, not a submission", () => {
    expect(answerProblem(q({ required: true }), "", false)).toBeNull();
    expect(answerProblem(q({ required: true }), "", true)).toBe("Answer this question to submit the entry");
    expect(answerProblem(q(), "", true)).toBeNull();
  });
  it("checks each kind's values", () => {
    expect(answerProblem(q({ kind: "yes-no" }), "yes", true)).toBeNull();
    expect(answerProblem(q({ kind: "yes-no" }), "no", true)).toBeNull();
    expect(answerProblem(q({ kind: "yes-no" }), "maybe", false)).toBe("Answer yes or no");
    expect(answerProblem(q({ kind: "choice", options: ["Support", "Sales"] }), "Sales", false)).toBeNull();
    expect(answerProblem(q({ kind: "choice", options: ["Support", "Sales"] }), "Legal", false)).toBe("Pick one of the listed options");
    expect(answerProblem(q(), "a\nb", false)).toBe("Keep the answer to one line");
    expect(answerProblem(q(), "x".repeat(201), false)).toBe("Use at most 200 characters");
    expect(answerProblem(q({ kind: "long-text" }), "a\n".repeat(1000), false)).toBeNull();
    expect(answerProblem(q({ kind: "long-text" }), "x".repeat(2001), false)).toBe("Use at most 2,000 characters");
  });
});

describe("answersSchema in the entry schema", () => {
  const questions = [q({ id: "size", required: true }), q({ id: "data", kind: "yes-no" })];
  it("puts each problem next to its question", () => {
    expect(paths(answersSchema(questions, true).safeParse({ data: "perhaps" }))).toEqual(["size", "data"]);
    expect(answersSchema(questions, false).parse(undefined)).toEqual({ size: "", data: "" });
    expect(answersSchema(questions, true).safeParse({ size: "4", data: "perhaps" }).error!.issues).toMatchObject([
      { code: "custom", path: ["data"], message: "Answer yes or no" },
    ]);
  });

  it("caps each answer at its kind's longest, with the limit in the message", () => {
    const kinds = [q({ id: "short" }), q({ id: "long", kind: "long-text" }), q({ id: "pick", kind: "choice", options: ["a", "b"] })];
    const tooLong = (id: string, n: number) => answersSchema(kinds, false).safeParse({ [id]: "x".repeat(n) }).error?.issues[0];
    expect(tooLong("short", 201)).toMatchObject({ path: ["short"], message: "Use at most 200 characters" });
    expect(tooLong("long", 2001)).toMatchObject({ path: ["long"], message: "Use at most 2,000 characters" });
    expect(tooLong("long", 2000)).toBeUndefined();
    expect(tooLong("pick", 81)).toMatchObject({ path: ["pick"], message: "Use at most 80 characters" });
  });
  it("drafts save without required answers; submitting needs them", () => {
    expect(entrySchemaFor("save", questions).safeParse({ version: 1 }).success).toBe(true);
    expect(paths(entrySchemaFor("submit", questions).safeParse({ version: 1 }))).toContain("answers.size");
    expect(entrySchemaFor("save", questions).parse({ version: 1, answers: { size: " 4 ", other: "x" } }).answers).toEqual({ size: "4", data: "" });
  });
});

describe("answerText", () => {
  it("says Yes and No in words", () => {
    expect(answerText({ kind: "yes-no" }, "yes")).toBe("Yes");
    expect(answerText({ kind: "yes-no" }, "no")).toBe("No");
    expect(answerText({ kind: "yes-no" }, "")).toBe("");
    expect(answerText({ kind: "short-text" }, "yes")).toBe("yes");
  });
});

describe("questionsAddedSince", () => {
  const q = (id: string, label: string): Question => ({ id, kind: "short-text", label, required: true, options: [] });
  const questions = [q("a", "Track"), q("b", "Data used"), q("c", "Team size")];

  it("names the questions a form did not show, in the organizers' order", () => {
    expect(questionsAddedSince("a", questions)).toEqual({
      added: [questions[1], questions[2]],
      message: "The organizers added questions since you opened this page (“Data used”, “Team size”). Save your draft, then reload the page to answer them.",
    });
    expect(questionsAddedSince("a,c", questions).message).toBe(
      "The organizers added a question since you opened this page (“Data used”). Save your draft, then reload the page to answer it.",
    );
    expect(questionsAddedSince("", questions).added).toEqual(questions);
  });

  it("finds nothing when every question was shown, or when the form does not say", () => {
    expect(questionsAddedSince("c,b,a,removed", questions)).toEqual({ added: [], message: null });
    expect(questionsAddedSince(null, questions)).toEqual({ added: [], message: null });
  });
});
