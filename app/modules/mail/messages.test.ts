import { describe, expect, it } from "vitest";
import { finalistsQueued, finalRoundOpenedMail, judgeReminderMail } from "./messages";

describe("judges' counts in words", () => {
  it("agrees the verb with what is left, not with the sheets assigned", () => {
    const mail = (left: number, assigned: number) =>
      judgeReminderMail({ name: "Jo", eventTitle: "Hack", left, assigned, ends: "on 3 May", queueUrl: "http://x/judging" }).paragraphs[0];
    expect(mail(1, 2)).toBe("1 of your 2 score sheets is not finished yet. Judging of Hack ends on 3 May.");
    expect(mail(2, 2)).toBe("2 of your 2 score sheets are not finished yet. Judging of Hack ends on 3 May.");
    expect(mail(1, 1)).toBe("1 of your 1 score sheet is not finished yet. Judging of Hack ends on 3 May.");
  });

  it("tells a final round judge their own queue, conflicts left out", () => {
    expect(finalistsQueued(3)).toBe("Your queue lists the 3 finalists you score.");
    expect(finalistsQueued(1)).toBe("Your queue lists the finalist you score.");
    expect(finalistsQueued(0)).toBe("Your queue lists no finalist: you declared a conflict with each of them.");
    expect(finalRoundOpenedMail({ name: "Jo", eventTitle: "Hack", finalists: 1, queueUrl: "http://x" }).paragraphs[0]).toBe(
      "The final round of Hack has started and you are one of its judges. Your queue lists the finalist you score.",
    );
  });
});
