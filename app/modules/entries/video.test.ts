import { describe, expect, it } from "vitest";
import { seeItHeading, startSeconds, VIDEO_PLAYER_ORIGINS, videoEmbed } from "./video";

const ID = "aqz-KE-bpKQ";
const LOOM = "0123456789abcdef0123456789abcdef";

describe("videoEmbed", () => {
  it("plays YouTube links of every common shape from the privacy-enhanced domain", () => {
    for (const link of [
      `https://www.youtube.com/watch?v=${ID}`,
      `https://youtube.com/watch?v=${ID}&list=PL1`,
      `https://m.youtube.com/watch?v=${ID}`,
      `https://youtu.be/${ID}`,
      `https://www.youtube.com/embed/${ID}`,
      `https://www.youtube.com/shorts/${ID}`,
      `https://www.youtube.com/live/${ID}`,
      `https://www.youtube-nocookie.com/embed/${ID}`,
      `  https://youtu.be/${ID}  `,
    ]) {
      expect(videoEmbed(link), link).toEqual({ provider: "YouTube", src: `https://www.youtube-nocookie.com/embed/${ID}` });
    }
  });

  it("keeps a YouTube start time", () => {
    expect(videoEmbed(`https://youtu.be/${ID}?t=90`)?.src).toBe(`https://www.youtube-nocookie.com/embed/${ID}?start=90`);
    expect(videoEmbed(`https://www.youtube.com/watch?v=${ID}&t=1m30s`)?.src).toBe(`https://www.youtube-nocookie.com/embed/${ID}?start=90`);
    expect(videoEmbed(`https://www.youtube.com/embed/${ID}?start=12`)?.src).toBe(`https://www.youtube-nocookie.com/embed/${ID}?start=12`);
  });

  it("plays Vimeo with do-not-track, keeping an unlisted video's key", () => {
    expect(videoEmbed("https://vimeo.com/76979871")).toEqual({ provider: "Vimeo", src: "https://player.vimeo.com/video/76979871?dnt=1" });
    expect(videoEmbed("https://vimeo.com/76979871/a1b2c3d4e5")?.src).toBe("https://player.vimeo.com/video/76979871?dnt=1&h=a1b2c3d4e5");
    expect(videoEmbed("https://player.vimeo.com/video/76979871")?.src).toBe("https://player.vimeo.com/video/76979871?dnt=1");
    expect(videoEmbed("https://player.vimeo.com/video/76979871?h=ff00")?.src).toBe("https://player.vimeo.com/video/76979871?dnt=1&h=ff00");
  });

  it("plays Loom share and embed links", () => {
    for (const link of [`https://www.loom.com/share/${LOOM}`, `https://loom.com/embed/${LOOM}`]) {
      expect(videoEmbed(link), link).toEqual({ provider: "Loom", src: `https://www.loom.com/embed/${LOOM}` });
    }
  });

  it("leaves every other link a link", () => {
    for (const link of [
      "",
      "not a link",
      `http://www.youtube.com/watch?v=${ID}`,
      `https://www.youtube.com.evil.example/watch?v=${ID}`,
      `https://evil.example/youtu.be/${ID}`,
      `https://user:pw@www.youtube.com/watch?v=${ID}`,
      `https://www.youtube.com:8443/watch?v=${ID}`,
      "https://www.youtube.com/watch?v=short",
      `https://www.youtube.com/watch?v=${ID}"onload="x`,
      `https://www.youtube.com/channel/${ID}`,
      "https://www.youtube.com/",
      "https://vimeo.com/channels/staffpicks",
      "https://vimeo.com/",
      "https://player.vimeo.com/other/123",
      "https://www.loom.com/share/not-a-loom-id",
      `https://www.loom.com/looms/${LOOM}`,
      "https://drive.example.com/demo.mp4",
    ]) {
      expect(videoEmbed(link), link).toBeNull();
    }
  });

  it("only ever points at the allowed player origins", () => {
    const links = [`https://youtu.be/${ID}`, "https://vimeo.com/1", `https://www.loom.com/share/${LOOM}`];
    for (const link of links) expect(VIDEO_PLAYER_ORIGINS).toContain(new URL(videoEmbed(link)!.src).origin);
  });
});

describe("startSeconds", () => {
  it("reads seconds, and hours, minutes and seconds", () => {
    expect(startSeconds("90")).toBe(90);
    expect(startSeconds("90s")).toBe(90);
    expect(startSeconds("2m")).toBe(120);
    expect(startSeconds("1h2m3s")).toBe(3723);
  });
  it("ignores nothing, zero and nonsense", () => {
    for (const value of [null, "", "0", "0s", "abc", "1x", "-5", "1.5"]) expect(startSeconds(value), String(value)).toBeNull();
  });
});

describe("seeItHeading", () => {
  it("names what is there: a player, links, both or nothing", () => {
    expect(seeItHeading(true, 2)).toBe("Video and links");
    expect(seeItHeading(true, 0)).toBe("Video");
    expect(seeItHeading(false, 1)).toBe("Links");
    expect(seeItHeading(false, 0)).toBeNull();
  });
});
