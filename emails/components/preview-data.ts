// What the react-email preview server shows the emails about an event with (each email's
// PreviewProps): one organizer, buyer and concert, so the previews read as one story.
import { siteTimeZone } from "../../lib/i18n/time-zone";

export const previewOrganizer = { organizerName: "Göteborgs Symfoniker", replyTo: "biljetter@gso.example.se" };

/** The event as every email's payload carries it (lib/outbox/templates.ts's eventSnapshot). */
export const previewEvent = {
  title: "Beethovens nionde symfoni",
  venue: "Konserthuset",
  address: "Götaplatsen 8",
  city: "Göteborg",
  startsAt: "2027-04-17T17:00:00.000Z",
  endsAt: "2027-04-17T19:00:00.000Z",
  timeZone: siteTimeZone,
};

const { address: _address, ...withoutAddress } = previewEvent;
/** As the cancellation emails carry it: without the street address. */
export const previewEventWithoutAddress = withoutAddress;

export const previewOrderLink = "http://localhost:3000/orders/0190a4c2-0000-7000-8000-000000000000?key=abc";
