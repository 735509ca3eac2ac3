-- A waiting list per ticket type (lib/waiting-list). When admissions come back (an expired
-- hold, a failed payment, a cancellation, more capacity) they are offered, in the same
-- statement, to the first entries in line that fit: each offer holds its admissions (counted in
-- "TicketType"."held", so the guard still refuses any oversell) for 30 minutes, and only a
-- checkout through the entry's signed link may turn them into an order.
--
-- Written for PostgreSQL 15 and later (PGlite is 18).

-- CreateEnum
CREATE TYPE "WaitingListStatus" AS ENUM ('WAITING', 'OFFERED', 'CLAIMED', 'LEFT', 'LAPSED');

-- CreateTable
CREATE TABLE "WaitingListEntry" (
    "id" UUID NOT NULL,
    "ticketTypeId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "locale" "Locale" NOT NULL DEFAULT 'sv',
    "status" "WaitingListStatus" NOT NULL DEFAULT 'WAITING',
    "joinedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "offeredAt" TIMESTAMPTZ(3),
    "offerExpiresAt" TIMESTAMPTZ(3),
    "orderId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "WaitingListEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WaitingListEntry_ticketTypeId_status_joinedAt_idx" ON "WaitingListEntry"("ticketTypeId", "status", "joinedAt");

-- CreateIndex
CREATE INDEX "WaitingListEntry_status_offerExpiresAt_idx" ON "WaitingListEntry"("status", "offerExpiresAt");

-- CreateIndex
CREATE INDEX "WaitingListEntry_orderId_idx" ON "WaitingListEntry"("orderId");

-- CreateIndex
CREATE UNIQUE INDEX "WaitingListEntry_ticketTypeId_email_key" ON "WaitingListEntry"("ticketTypeId", "email");

-- AddForeignKey
ALTER TABLE "WaitingListEntry" ADD CONSTRAINT "WaitingListEntry_ticketTypeId_fkey" FOREIGN KEY ("ticketTypeId") REFERENCES "TicketType"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Stored addresses are normalised, as "User"."email" is.
CREATE FUNCTION "WaitingListEntry_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."email" <> lower(normalize(btrim(NEW."email"), NFKC)) OR NEW."email" !~ '^[^@\s]+@[^@\s]+$' THEN
    PERFORM "refuse"('WaitingListEntry_email_normalised', 'email must be a single trimmed, NFKC, lower-case address');
  END IF;
  IF NEW."quantity" < 1 THEN
    PERFORM "refuse"('WaitingListEntry_quantity_positive', 'quantity must be at least 1');
  END IF;
  IF NEW."status" = 'OFFERED' AND NEW."offerExpiresAt" IS NULL THEN
    PERFORM "refuse"('WaitingListEntry_offer_expires', 'an offer must have an end');
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "WaitingListEntry_guard" BEFORE INSERT OR UPDATE ON "WaitingListEntry"
  FOR EACH ROW EXECUTE FUNCTION "WaitingListEntry_guard"();

-- Offers what a ticket type has free to its waiting list: first, offers whose time ran out
-- lapse and give their admissions back; then the entries in line, oldest first, each get an
-- offer of their whole quantity when it fits in what is free (one that does not fit keeps its
-- place for the next return). The offered admissions are held, and each offer queues its email
-- (the sender reads the entry and signs its links). Returns the number of offers made. The
-- ticket type is locked first and entries after it, as every waiting-list step does; the event
-- must be on sale. The stock change this makes is marked so the trigger below does not run again.
CREATE FUNCTION "waiting_list_offer"(p_ticket_type uuid, p_now timestamptz) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  tt record;
  entry record;
  lapsed integer;
  free integer;
  taken integer := 0;
  offers integer := 0;
  expires timestamptz := p_now + interval '30 minutes';
  previous text := coalesce(current_setting('biljett.waiting_list', true), '');
BEGIN
  SELECT t."capacity", t."sold", t."held", t."salesStartAt", t."salesEndAt", e."status" AS "eventStatus", e."endsAt"
    INTO tt
    FROM "TicketType" t JOIN "Event" e ON e."id" = t."eventId"
   WHERE t."id" = p_ticket_type
     FOR UPDATE OF t;
  IF NOT FOUND THEN
    RETURN 0;
  END IF;

  WITH "ended" AS (
    UPDATE "WaitingListEntry" SET "status" = 'LAPSED', "offerExpiresAt" = NULL, "updatedAt" = now()
     WHERE "ticketTypeId" = p_ticket_type AND "status" = 'OFFERED' AND "offerExpiresAt" <= p_now
    RETURNING "quantity")
  SELECT coalesce(sum("quantity"), 0)::integer INTO lapsed FROM "ended";

  free := tt."capacity" - tt."sold" - tt."held" + lapsed;
  IF tt."eventStatus" = 'PUBLISHED' AND coalesce(tt."salesEndAt", tt."endsAt") > p_now
     AND (tt."salesStartAt" IS NULL OR tt."salesStartAt" <= p_now) THEN
    FOR entry IN SELECT "id", "email", "quantity", "locale" FROM "WaitingListEntry"
                  WHERE "ticketTypeId" = p_ticket_type AND "status" = 'WAITING'
                  ORDER BY "joinedAt", "id" FOR UPDATE LOOP
      EXIT WHEN free <= 0;
      CONTINUE WHEN entry."quantity" > free;
      UPDATE "WaitingListEntry" SET "status" = 'OFFERED', "offeredAt" = p_now, "offerExpiresAt" = expires, "updatedAt" = now()
       WHERE "id" = entry."id";
      INSERT INTO "OutboxEmail" ("id", "template", "to", "locale", "payload", "dedupeKey")
      VALUES ("new_uuid_v7"(), 'waiting-list-offer', entry."email", entry."locale", jsonb_build_object('entryId', entry."id"),
              'waiting-list-offer:' || entry."id" || ':' || (extract(epoch FROM p_now) * 1000)::bigint)
      ON CONFLICT ("dedupeKey") DO NOTHING;
      free := free - entry."quantity";
      taken := taken + entry."quantity";
      offers := offers + 1;
    END LOOP;
  END IF;

  IF taken <> lapsed THEN
    PERFORM set_config('biljett.waiting_list', 'busy', true);
    UPDATE "TicketType" SET "held" = "held" - lapsed + taken, "updatedAt" = now() WHERE "id" = p_ticket_type;
    PERFORM set_config('biljett.waiting_list', previous, true);
  END IF;
  RETURN offers;
END;
$$;

-- Whenever a ticket type gets free admissions back (its capacity - sold - held grows), in the
-- statement that freed them: the waiting list gets them before any other buyer can.
CREATE FUNCTION "TicketType_waiting_list"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF coalesce(current_setting('biljett.waiting_list', true), '') = 'busy' THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM "WaitingListEntry" WHERE "ticketTypeId" = NEW."id" AND "status" = 'WAITING') THEN
    PERFORM "waiting_list_offer"(NEW."id", now());
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "TicketType_waiting_list" AFTER UPDATE OF "capacity", "sold", "held" ON "TicketType"
  FOR EACH ROW
  WHEN (NEW."capacity" - NEW."sold" - NEW."held" > 0
        AND NEW."capacity" - NEW."sold" - NEW."held" > OLD."capacity" - OLD."sold" - OLD."held")
  EXECUTE FUNCTION "TicketType_waiting_list"();

-- The reserve step of a checkout through an offer's link (checkout_reserve's arguments, after
-- the entry): the offer's held admissions are let go and the order holds them instead, in one
-- statement under the ticket type's lock, so nobody else can take them in between. Refused
-- (changing nothing) when the offer is not open or the lines ask for anything but at most the
-- offered quantity of its type. Admissions offered but not bought go to the next in line.
CREATE FUNCTION "waiting_list_checkout_reserve"(
  p_entry uuid,
  p_key text, p_hash text, p_key_expires timestamptz,
  p_event uuid, p_lines jsonb, p_max_tickets integer,
  p_buyer_name text, p_buyer_email text, p_account_email text, p_locale text, p_marketing boolean,
  p_card_missing boolean, p_hold_until timestamptz, p_now timestamptz, p_welcome jsonb
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  type_id uuid;
  e record;
  wanted integer;
  result jsonb;
  refusal text;
BEGIN
  PERFORM 1 FROM "IdempotencyKey" WHERE "scope" = 'checkout' AND "key" = p_key;
  IF FOUND THEN
    RETURN jsonb_build_object('outcome', 'duplicate');
  END IF;
  SELECT "ticketTypeId" INTO type_id FROM "WaitingListEntry" WHERE "id" = p_entry;
  IF NOT FOUND THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'sold_out');
  END IF;
  PERFORM 1 FROM "TicketType" WHERE "id" = type_id FOR UPDATE;
  SELECT * INTO e FROM "WaitingListEntry" WHERE "id" = p_entry FOR UPDATE;
  IF e."status" <> 'OFFERED' OR e."offerExpiresAt" <= p_now THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'sold_out', 'ticketTypeId', type_id);
  END IF;
  IF jsonb_array_length(p_lines) <> 1 OR (p_lines -> 0 ->> 'ticketTypeId')::uuid <> type_id THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'event_unavailable');
  END IF;
  wanted := (p_lines -> 0 ->> 'quantity')::integer;
  IF wanted > e."quantity" THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'too_many', 'ticketTypeId', type_id);
  END IF;

  BEGIN
    PERFORM set_config('biljett.waiting_list', 'busy', true);
    UPDATE "TicketType" SET "held" = "held" - e."quantity", "updatedAt" = now() WHERE "id" = type_id;
    PERFORM set_config('biljett.waiting_list', '', true);
    result := "checkout_reserve"(p_key, p_hash, p_key_expires, p_event, p_lines, p_max_tickets, p_buyer_name, p_buyer_email,
                                 p_account_email, p_locale, p_marketing, p_card_missing, p_hold_until, p_now, p_welcome);
    IF result ->> 'outcome' NOT IN ('reserved', 'paid') THEN
      RAISE EXCEPTION 'offer not used' USING ERRCODE = 'BJ002', DETAIL = result::text;
    END IF;
    UPDATE "WaitingListEntry" SET "status" = 'CLAIMED', "quantity" = wanted, "orderId" = (result ->> 'orderId')::uuid, "updatedAt" = now()
     WHERE "id" = p_entry;
  EXCEPTION WHEN SQLSTATE 'BJ002' THEN
    -- The order was not made: everything above is undone, the offer stands as it was.
    GET STACKED DIAGNOSTICS refusal = PG_EXCEPTION_DETAIL;
    RETURN refusal::jsonb;
  END;
  IF wanted < e."quantity" THEN
    PERFORM "waiting_list_offer"(type_id, p_now);
  END IF;
  RETURN result;
END;
$$;

-- Fails an order (checkout_fail) and, when it was bought through an offer that is still open,
-- gives the offer back its admissions: a declined card does not cost the buyer their place.
-- An offer whose time is over lapses and its admissions go to the next in line.
CREATE FUNCTION "waiting_list_fail_order"(p_order uuid, p_reason text, p_now timestamptz) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  e record;
  held_quantity integer;
BEGIN
  SELECT * INTO e FROM "WaitingListEntry" WHERE "orderId" = p_order AND "status" = 'CLAIMED';
  IF NOT FOUND THEN
    RETURN "checkout_fail"(p_order, p_reason);
  END IF;
  SELECT coalesce(sum("quantity"), 0)::integer INTO held_quantity FROM "OrderItem" WHERE "orderId" = p_order AND "ticketTypeId" = e."ticketTypeId";
  PERFORM set_config('biljett.waiting_list', 'busy', true);
  IF NOT "checkout_fail"(p_order, p_reason) THEN
    PERFORM set_config('biljett.waiting_list', '', true);
    RETURN false;
  END IF;
  IF e."offerExpiresAt" > p_now THEN
    UPDATE "TicketType" SET "held" = "held" + held_quantity, "updatedAt" = now()
     WHERE "id" = e."ticketTypeId" AND "sold" + "held" + held_quantity <= "capacity";
    IF FOUND THEN
      PERFORM set_config('biljett.waiting_list', '', true);
      UPDATE "WaitingListEntry" SET "status" = 'OFFERED', "orderId" = NULL, "updatedAt" = now() WHERE "id" = e."id";
      RETURN true;
    END IF;
  END IF;
  PERFORM set_config('biljett.waiting_list', '', true);
  UPDATE "WaitingListEntry" SET "status" = 'LAPSED', "orderId" = NULL, "offerExpiresAt" = NULL, "updatedAt" = now() WHERE "id" = e."id";
  PERFORM "waiting_list_offer"(e."ticketTypeId", p_now);
  RETURN true;
END;
$$;

-- Takes an entry off its list; an open offer's admissions go to the next in line (the trigger
-- above). False when the entry was not waiting or offered.
CREATE FUNCTION "waiting_list_leave"(p_entry uuid) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  type_id uuid;
  e record;
BEGIN
  SELECT "ticketTypeId" INTO type_id FROM "WaitingListEntry" WHERE "id" = p_entry;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  PERFORM 1 FROM "TicketType" WHERE "id" = type_id FOR UPDATE;
  SELECT * INTO e FROM "WaitingListEntry" WHERE "id" = p_entry FOR UPDATE;
  IF e."status" NOT IN ('WAITING', 'OFFERED') THEN
    RETURN false;
  END IF;
  UPDATE "WaitingListEntry" SET "status" = 'LEFT', "offerExpiresAt" = NULL, "updatedAt" = now() WHERE "id" = p_entry;
  IF e."status" = 'OFFERED' THEN
    UPDATE "TicketType" SET "held" = "held" - e."quantity", "updatedAt" = now() WHERE "id" = type_id;
  END IF;
  RETURN true;
END;
$$;
