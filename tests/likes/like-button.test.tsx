import { EventCard } from "@/components/events/event-card";
import { EventList } from "@/components/events/event-list";
import { LikeButton, type LikeAction } from "@/components/likes/like-button";
import { LikedEvents } from "@/components/likes/liked-events";
import { find, findAll, render } from "../components/render";

// Rendering never calls the action; a plain function stands in for the server action's reference.
const action: LikeAction = async () => ({ ok: true, liked: true });
const eventId = "0190a0a0-0000-7000-8000-000000000001";

const card = {
  id: eventId,
  slug: "beethovens-nionde-symfoni",
  title: "Beethovens nionde symfoni",
  city: "Västerås",
  venue: "Konserthuset",
  startsAt: new Date("2027-06-12T16:00:00Z"),
  endsAt: new Date("2027-06-12T18:00:00Z"),
  timeZone: "Europe/Stockholm",
  imageUrl: null,
  organizerName: "Nordljus",
  lowestPrice: { minor: 25_000, currency: "SEK" },
  soldOut: false,
};

describe("LikeButton", () => {
  it("is a toggle button named after the event, in a form that posts the opposite of its state", () => {
    const html = render(
      <LikeButton eventId={eventId} eventTitle={card.title} liked={false} action={action} returnTo="/events?q=jazz" anchorId="like" />,
    );
    expect(find(html, "button").attributes).toMatchObject({
      type: "submit",
      id: "like",
      "aria-pressed": "false",
      "aria-label": "Gilla Beethovens nionde symfoni",
    });
    expect(find(html, "input", { name: "intent" }).attributes.value).toBe("like");
    expect(find(html, "input", { name: "eventId" }).attributes.value).toBe(eventId);
    expect(find(html, "input", { name: "returnTo" }).attributes.value).toBe("/events?q=jazz#like");
    // The server's HTML has no `enhanced` field: a post without JavaScript gets a redirect back.
    expect(findAll(html, "input").some((input) => input.attributes.name === "enhanced")).toBe(false);
  });

  it("shows a liked event pressed, asking to unlike it, and speaks English too", () => {
    const html = render(
      <LikeButton eventId={eventId} eventTitle={card.title} liked action={action} returnTo="/" anchorId="like" variant="labelled" />,
      "en",
    );
    expect(find(html, "button").attributes).toMatchObject({ "aria-pressed": "true", "aria-label": "Like Beethovens nionde symfoni" });
    expect(find(html, "button").text).toBe("Like");
    expect(find(html, "input", { name: "intent" }).attributes.value).toBe("unlike");
    expect(find(html, "svg").attributes["aria-hidden"]).toBe("true");
  });
});

describe("EventList with likes", () => {
  it("puts a heart on each card, pressed for the events the visitor likes", () => {
    const other = { ...card, id: "0190a0a0-0000-7000-8000-000000000002", slug: "jazz", title: "Jazz" };
    const html = render(<EventList events={[card, other]} empty={null} likes={{ likedIds: [other.id], action, returnTo: "/events" }} />);
    expect(
      findAll(html, "button").map((button) => [button.attributes["aria-label"], button.attributes["aria-pressed"], button.attributes.id]),
    ).toEqual([
      ["Gilla Beethovens nionde symfoni", "false", "like-beethovens-nionde-symfoni"],
      ["Gilla Jazz", "true", "like-jazz"],
    ]);
  });

  it("has no heart without likes", () => {
    expect(findAll(render(<EventCard event={card} />), "button")).toHaveLength(0);
  });
});

describe("LikedEvents", () => {
  it("lists each event with a link and an unlike button", () => {
    const html = render(<LikedEvents events={[card]} action={action} />);
    expect(find(html, "h2").text).toBe("Gillat men inte köpt än");
    expect(find(html, "a").attributes.href).toBe("/events/beethovens-nionde-symfoni");
    expect(find(html, "button").attributes["aria-label"]).toBe("Sluta gilla Beethovens nionde symfoni");
    expect(find(html, "input", { name: "intent" }).attributes.value).toBe("unlike");
    expect(find(html, "input", { name: "returnTo" }).attributes.value).toBe("/account/liked");
  });

  it("says there is nothing yet and links to the events when the list is empty", () => {
    const html = render(<LikedEvents events={[]} action={action} />, "en");
    expect(html).toContain("No liked events to show");
    expect(find(html, "a").attributes.href).toBe("/en/events");
    expect(findAll(html, "button")).toHaveLength(0);
  });
});
