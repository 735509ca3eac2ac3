import { FlashNotice, flashMessage, Notice } from "@/components/ui/notice";
import { findAll, render } from "./render";

const messages = { saved: "Sparat.", "signed-out": "Utloggad." };

describe("FlashNotice", () => {
  it("shows the message the URL's value stands for, as the success notice the pages showed", () => {
    expect(render(<FlashNotice value="signed-out" messages={messages} />)).toBe(render(<Notice tone="success">Utloggad.</Notice>));
    const [notice] = findAll(render(<FlashNotice value="saved" messages={messages} />), "p");
    expect([notice.attributes.role, notice.text]).toEqual(["status", "Sparat."]);
  });

  it("shows nothing for a missing, repeated or unknown value, or one that names an object property", () => {
    for (const value of [undefined, "", ["saved", "saved"], "deleted", "toString", "__proto__"]) {
      expect(render(<FlashNotice value={value} messages={messages} />)).toBe("");
      expect(flashMessage(value, messages)).toBeNull();
    }
  });
});
