import { PasswordStrengthMeter } from "@/components/account/password-strength-meter";
import { findAll, render } from "../components/render";

describe("PasswordStrengthMeter", () => {
  it("says nothing before anything is typed", () => {
    const [live] = findAll(render(<PasswordStrengthMeter password="" />), "p");
    expect(live.attributes["aria-live"]).toBe("polite");
    expect(live.text).toBe("");
  });

  it("names the strength in words, in a polite live region", () => {
    expect(findAll(render(<PasswordStrengthMeter password="password" />), "p")[0].text).toBe("Lösenordets styrka: Mycket svagt");
    expect(findAll(render(<PasswordStrengthMeter password="Tre gröna hästar, 7 blå kor!" />, "en"), "p")[0].text).toBe(
      "Password strength: Very strong",
    );
  });
});
