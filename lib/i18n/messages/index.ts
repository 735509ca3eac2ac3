// The message catalogues, one file per area of the site and language, merged per language.
// Each file holds whole top-level namespaces, so two areas never share a namespace.
import enAccount from "./en/account.json";
import enAccounts from "./en/accounts.json";
import enCheckout from "./en/checkout.json";
import enDev from "./en/dev.json";
import enEmails from "./en/emails.json";
import enEvents from "./en/events.json";
import enLogin from "./en/login.json";
import enSite from "./en/site.json";
import svAccount from "./sv/account.json";
import svAccounts from "./sv/accounts.json";
import svCheckout from "./sv/checkout.json";
import svDev from "./sv/dev.json";
import svEmails from "./sv/emails.json";
import svEvents from "./sv/events.json";
import svLogin from "./sv/login.json";
import svSite from "./sv/site.json";
import enTickets from "./en/tickets.json";
import enMobile from "./en/mobile.json";
import enLikes from "./en/likes.json";
import enProfile from "./en/profile.json";
import enPrivacy from "./en/privacy.json";
import enOrganizer from "./en/organizer.json";
import enOrganizerOps from "./en/organizerOps.json";
import svTickets from "./sv/tickets.json";
import svMobile from "./sv/mobile.json";
import svLikes from "./sv/likes.json";
import svProfile from "./sv/profile.json";
import svPrivacy from "./sv/privacy.json";
import svOrganizer from "./sv/organizer.json";
import svOrganizerOps from "./sv/organizerOps.json";
import enLanguage from "./en/language.json";
import svLanguage from "./sv/language.json";
import enWallet from "./en/wallet.json";
import svWallet from "./sv/wallet.json";
import enTransfers from "./en/transfers.json";
import svTransfers from "./sv/transfers.json";
import enSendTickets from "./en/sendTickets.json";
import svSendTickets from "./sv/sendTickets.json";
import enRefunds from "./en/refunds.json";
import svRefunds from "./sv/refunds.json";
import enWaitingList from "./en/waitingList.json";
import svWaitingList from "./sv/waitingList.json";
import enEventCancellation from "./en/eventCancellation.json";
import svEventCancellation from "./sv/eventCancellation.json";

const sv = {
  ...svSite,
  ...svEvents,
  ...svCheckout,
  ...svEmails,
  ...svAccounts,
  ...svLogin,
  ...svAccount,
  ...svDev,
  ...svTickets,
  ...svMobile,
  ...svLikes,
  ...svProfile,
  ...svPrivacy,
  ...svOrganizer,
  ...svOrganizerOps,
  ...svLanguage,
  ...svWallet,
  ...svTransfers,
  ...svSendTickets,
  ...svRefunds,
  ...svWaitingList,
  ...svEventCancellation,
};
const en = {
  ...enSite,
  ...enEvents,
  ...enCheckout,
  ...enEmails,
  ...enAccounts,
  ...enLogin,
  ...enAccount,
  ...enDev,
  ...enTickets,
  ...enMobile,
  ...enLikes,
  ...enProfile,
  ...enPrivacy,
  ...enOrganizer,
  ...enOrganizerOps,
  ...enLanguage,
  ...enWallet,
  ...enTransfers,
  ...enSendTickets,
  ...enRefunds,
  ...enWaitingList,
  ...enEventCancellation,
};

export type Messages = typeof sv;

export const messages: Record<"sv" | "en", Messages> = { sv, en };
