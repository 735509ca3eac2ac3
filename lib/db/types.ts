// The database's row and enum types, for code outside lib/db (the generated client stays private).
export type {
  EmailChangeRequest,
  Event,
  Like,
  MarketingConsent,
  Order,
  OrderEmailChange,
  OrderItem,
  Organizer,
  OrganizerMember,
  OrganizerMessage,
  OutboxEmail,
  PersonalAccessToken,
  Ticket,
  TicketType,
  Upload,
  User,
} from "./generated/client";
export type { EventStatus, Locale, OrderStatus, OrganizerRole, OutboxStatus, TicketStatus } from "./generated/enums";
export type { RefundFeeKind, RefundStatus } from "./generated/enums";
export type { EventCancellationStatus } from "./generated/enums";
