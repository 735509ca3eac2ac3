import { PublicProfileCard } from "@/components/profile/public-profile-card";
import { find, findAll, render } from "../components/render";

describe("PublicProfileCard", () => {
  it("shows the name, handle, picture and bio", () => {
    const html = render(
      <PublicProfileCard profile={{ handle: "greta", name: "Greta Garbo", image: "/media/abc", bio: "Rad ett\nRad två" }} />,
    );
    expect(find(html, "h1").text).toBe("Greta Garbo");
    expect(find(html, "img").attributes).toMatchObject({ src: "/media/abc", alt: "Profilbild för Greta Garbo" });
    expect(html).toContain("@greta");
    expect(findAll(html, "p").map((p) => p.text)).toContain("Rad ett\nRad två");
  });

  it("uses the handle when there is no name, and initials when there is no picture", () => {
    const html = render(<PublicProfileCard profile={{ handle: "nils_e", name: null, image: null, bio: null }} />, "en");
    expect(find(html, "h1").text).toBe("@nils_e");
    expect(findAll(html, "img")).toHaveLength(0);
    expect(html).toContain("No text yet.");
  });

  it("escapes what the owner wrote", () => {
    const html = render(
      <PublicProfileCard
        profile={{ handle: "x_y", name: "<script>alert(1)</script>", image: null, bio: "<img src=x onerror=alert(1)>" }}
      />,
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img src=x");
  });
});
