import { existsSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import manifest from "@/app/manifest";
import { PAGE_ICONS } from "@/components/pwa/icons";

const root = path.resolve(__dirname, "../..");

describe("manifest", () => {
  const app = manifest();

  it("installs as a standalone Swedish app that starts at the home page", () => {
    expect(app).toMatchObject({
      name: "Biljett",
      short_name: "Biljett",
      lang: "sv",
      start_url: "/",
      scope: "/",
      display: "standalone",
      background_color: "#ffffff",
      theme_color: "#ffffff",
    });
    expect(app.description).toMatch(/biljetter/i);
  });

  it("names icons of 192 and 512 pixels and a maskable one, all real PNGs of that size", async () => {
    const icons = app.icons ?? [];
    expect(icons.map((icon) => [icon.sizes, icon.purpose])).toEqual([
      ["192x192", "any"],
      ["512x512", "any"],
      ["512x512", "maskable"],
    ]);
    for (const icon of icons) {
      const file = path.join(root, "public", icon.src);
      expect(existsSync(file)).toBe(true);
      const { format, width, height } = await sharp(file).metadata();
      expect([format, `${width}x${height}`]).toEqual(["png", icon.sizes]);
    }
  });

  it("has every page name a tab icon and the iPhone's, files that exist, so no browser asks for the missing /favicon.ico", async () => {
    expect(PAGE_ICONS.icon.length).toBeGreaterThan(0);
    for (const icon of PAGE_ICONS.icon) {
      const { format, width, height } = await sharp(path.join(root, "public", icon.url)).metadata();
      expect([format, `${width}x${height}`]).toEqual(["png", icon.sizes]);
    }
    expect(existsSync(path.join(root, "public", PAGE_ICONS.apple))).toBe(true);
  });

  it("has an apple-touch-icon of 180 pixels beside them", async () => {
    const { format, width, height } = await sharp(path.join(root, "public/icons/apple-touch-icon.png")).metadata();
    expect([format, width, height]).toEqual(["png", 180, 180]);
  });

  it("draws the maskable icon full bleed, with no transparent corner a mask could show", async () => {
    const { data, info } = await sharp(path.join(root, "public/icons/maskable-512.png")).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBe(255);
    expect(data[data.length - 1]).toBe(255);
  });
});
