// The database's row and enum types, for code outside lib/db (the generated client stays private).
export type {
  Event,
  Order,
  OrderItem,
  Organizer,
  OutboxEmail,
  Ticket,
  TicketType,
  User,
} from "./generated/client";
export type { EventStatus, Locale, OrderStatus, OutboxStatus } from "./generated/enums";
