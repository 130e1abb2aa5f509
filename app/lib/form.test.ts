import { describe, expect, it } from "vitest";
import { getInputProps, type FieldMetadata } from "./form";

const field = (errors?: string[]) =>
  ({ id: "f-title", name: "title", formId: "f", errorId: "f-title-error", descriptionId: "f-title-description", errors }) as FieldMetadata;

describe("a control's description", () => {
  it("names the field's error once, also when the field passes it itself", () => {
    expect(getInputProps(field(["Enter a title"]), { type: "text", ariaDescribedBy: "f-title-description f-title-error" })["aria-describedby"]).toBe(
      "f-title-error f-title-description",
    );
    expect(getInputProps(field(["Enter a title"]), { type: "text" })["aria-describedby"]).toBe("f-title-error");
  });

  it("names only what it was given while valid, and nothing when nothing describes it", () => {
    expect(getInputProps(field(), { type: "text", ariaDescribedBy: "f-title-description" })["aria-describedby"]).toBe("f-title-description");
    expect(getInputProps(field(), { type: "text" })["aria-describedby"]).toBeUndefined();
  });
});
