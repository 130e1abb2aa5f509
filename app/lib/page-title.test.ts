import { describe, expect, it } from "vitest";
import { errorHeading, pageTitle } from "./page-title";

describe("pageTitle", () => {
  it("is the page's own title when its loader did not throw", () => {
    expect(pageTitle(undefined, () => "Results · Winter")).toEqual([{ title: "Results · Winter · Problem First" }]);
  });

  it("is the error's heading when the loader threw, without reading the data", () => {
    const title = () => {
      throw new Error("the data is not there");
    };
    expect(pageTitle({ status: 404, data: "No such event." }, title)).toEqual([{ title: "Not found · Problem First" }]);
    expect(pageTitle({ status: 403 }, title)).toEqual([{ title: "Not available · Problem First" }]);
    expect(pageTitle(new Error("boom"), title)).toEqual([{ title: "Something went wrong · Problem First" }]);
  });
});

describe("errorHeading", () => {
  it("names statuses it knows in words and others by number", () => {
    expect(errorHeading({ status: 400 })).toBe("That request did not look right");
    expect(errorHeading({ status: 405 })).toBe("That is not something this page does");
    expect(errorHeading({ status: 429 })).toBe("Error 429");
    expect(errorHeading(null)).toBe("Something went wrong");
    expect(errorHeading({ status: "404" })).toBe("Something went wrong");
  });
});
