-- The checkout as SQL functions, so that each step is one round trip from the app: reserving
-- (checks, idempotency key, account, order, items and the held or sold admissions), completing
-- a paid order (tickets, consent, emails) and failing one (its admissions back on sale). Each
-- runs as one statement, so a ticket type's row is locked from the UPDATE that claims it to the
-- end of that statement's transaction, never across a network round trip.
--
-- Written for PostgreSQL 15 and later (PGlite is 18): nothing here uses what only 18 has.

-- Crockford base32 (no I, L, O, U) from a strong random source: gen_random_uuid() draws on
-- pg_strong_random. Of a version 4 UUID's 16 bytes, 0-5 and 9-15 are wholly random (byte 6
-- holds the version, byte 8 the variant), 104 bits per UUID.
CREATE FUNCTION "random_crockford"(n integer) RETURNS text
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  alphabet constant text := '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  bits varbit := B'';
  raw bytea;
  out text := '';
BEGIN
  WHILE length(bits) < n * 5 LOOP
    raw := uuid_send(gen_random_uuid());
    bits := bits
      || ('x' || encode(substring(raw FROM 1 FOR 6), 'hex'))::bit(48)
      || ('x' || encode(substring(raw FROM 10 FOR 7), 'hex'))::bit(56);
  END LOOP;
  FOR i IN 0 .. n - 1 LOOP
    out := out || substr(alphabet, substring(bits FROM i * 5 + 1 FOR 5)::bit(5)::integer + 1, 1);
  END LOOP;
  RETURN out;
END;
$$;

-- Ids in the form Prisma's uuid(7) gives the rows the app creates: the time in milliseconds
-- first (so new rows land at the end of the primary key's index), then random bits.
CREATE FUNCTION "new_uuid_v7"() RETURNS uuid
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  raw bytea := uuid_send(gen_random_uuid());
  millis bigint := floor(extract(epoch FROM clock_timestamp()) * 1000);
BEGIN
  raw := overlay(raw PLACING substring(int8send(millis) FROM 3 FOR 6) FROM 1 FOR 6);
  raw := set_byte(raw, 6, (get_byte(raw, 6) & 15) | 112);
  RETURN encode(raw, 'hex')::uuid;
END;
$$;

-- Fails a PENDING order and puts its held admissions back on sale; false if it was no longer
-- pending. Ticket types are updated in id order, as every claim does, so two transactions
-- touching the same types cannot deadlock.
CREATE FUNCTION "checkout_fail"(p_order uuid, p_reason text) RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  line record;
BEGIN
  PERFORM 1 FROM "Order" WHERE "id" = p_order AND "status" = 'PENDING' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;
  FOR line IN SELECT "ticketTypeId", "quantity" FROM "OrderItem" WHERE "orderId" = p_order ORDER BY "ticketTypeId" LOOP
    UPDATE "TicketType" SET "held" = "held" - line."quantity", "updatedAt" = now()
     WHERE "id" = line."ticketTypeId" AND "held" >= line."quantity";
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ticket type % holds fewer than % admissions', line."ticketTypeId", line."quantity";
    END IF;
  END LOOP;
  UPDATE "Order" SET "status" = 'FAILED', "failureReason" = p_reason, "holdExpiresAt" = NULL, "updatedAt" = now()
   WHERE "id" = p_order;
  RETURN true;
END;
$$;

-- Releases up to p_limit pending orders whose hold ended before p_now (only those holding
-- p_ticket_type when it is given). Orders another transaction has locked are skipped: that
-- one is completing or failing them already.
CREATE FUNCTION "release_expired_holds"(p_now timestamptz, p_limit integer, p_ticket_type uuid DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  expired uuid;
  released integer := 0;
BEGIN
  FOR expired IN
    SELECT o."id" FROM "Order" o
     WHERE o."status" = 'PENDING' AND o."holdExpiresAt" < p_now
       AND (p_ticket_type IS NULL
            OR EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."orderId" = o."id" AND i."ticketTypeId" = p_ticket_type))
     ORDER BY o."holdExpiresAt"
     LIMIT p_limit
     FOR UPDATE SKIP LOCKED
  LOOP
    IF "checkout_fail"(expired, 'hold_expired') THEN
      released := released + 1;
    END IF;
  END LOOP;
  RETURN released;
END;
$$;

-- Completes a PENDING order: its admissions become sold ("held" while a payment ran, or
-- "unclaimed" and claimed now), its tickets are made, the order is marked paid, the buyer's
-- marketing consent is recorded and the emails are queued. The confirmation email carries the
-- order's id (and the address it was sent for); the sender reads the rest when it renders it.
-- p_welcome is the welcome email's sign-in link, prepared by the app (the token's hash is
-- stored here, the raw token only in the link): used only when the account has no password
-- and was never welcomed. Returns false, changing nothing, when the order is not pending.
-- Raises SQLSTATE BJ001 (DETAIL: the ticket type) when an unclaimed admission is sold out.
CREATE FUNCTION "checkout_complete_or_raise"(p_order uuid, p_admissions text, p_payment jsonb, p_now timestamptz, p_welcome jsonb)
RETURNS boolean
LANGUAGE plpgsql AS $$
DECLARE
  o record;
  line record;
  buyer record;
  to_name text;
BEGIN
  SELECT * INTO o FROM "Order" WHERE "id" = p_order AND "status" = 'PENDING' FOR UPDATE;
  IF NOT FOUND THEN
    RETURN false;
  END IF;

  FOR line IN SELECT "ticketTypeId", "quantity" FROM "OrderItem" WHERE "orderId" = p_order ORDER BY "ticketTypeId" LOOP
    IF p_admissions = 'held' THEN
      UPDATE "TicketType" SET "held" = "held" - line."quantity", "sold" = "sold" + line."quantity", "updatedAt" = now()
       WHERE "id" = line."ticketTypeId" AND "held" >= line."quantity";
      IF NOT FOUND THEN
        RAISE EXCEPTION 'ticket type % holds fewer than % admissions', line."ticketTypeId", line."quantity";
      END IF;
    ELSE
      UPDATE "TicketType" SET "sold" = "sold" + line."quantity", "updatedAt" = now()
       WHERE "id" = line."ticketTypeId" AND "sold" + "held" + line."quantity" <= "capacity";
      IF NOT FOUND THEN
        RAISE EXCEPTION 'sold out' USING ERRCODE = 'BJ001', DETAIL = line."ticketTypeId"::text;
      END IF;
    END IF;
  END LOOP;

  INSERT INTO "Ticket" ("id", "code", "orderId", "ticketTypeId", "eventId", "createdAt")
  SELECT "new_uuid_v7"(), "random_crockford"(16), p_order, i."ticketTypeId", o."eventId", now()
    FROM "OrderItem" i
    JOIN "TicketType" t ON t."id" = i."ticketTypeId"
    CROSS JOIN LATERAL generate_series(1, i."quantity") AS n
   WHERE i."orderId" = p_order
   ORDER BY t."sortOrder", i."ticketTypeId", n;

  UPDATE "Order"
     SET "status" = 'PAID', "paidAt" = p_now, "holdExpiresAt" = NULL,
         "paymentProvider" = p_payment ->> 'provider', "paymentRef" = p_payment ->> 'reference',
         "cardBrand" = p_payment ->> 'cardBrand', "cardLast4" = p_payment ->> 'cardLast4',
         "updatedAt" = now()
   WHERE "id" = p_order;

  SELECT "id", "email", "name", "passwordHash" INTO buyer FROM "User" WHERE "id" = o."userId";
  IF NOT FOUND THEN
    RETURN true;
  END IF;

  IF o."marketingOptIn" THEN
    -- A new consent, or a renewed one after a withdrawal. The box was ticked when the order
    -- was made; a withdrawal after that (a payment that took its time) is the later word and
    -- stands. One statement, so a withdrawal committed meanwhile is seen by the WHERE.
    INSERT INTO "MarketingConsent" ("id", "organizerId", "email", "userId", "givenAt", "source", "orderId", "createdAt", "updatedAt")
    SELECT "new_uuid_v7"(), e."organizerId", buyer."email", buyer."id", p_now, 'checkout', p_order, now(), now()
      FROM "Event" e WHERE e."id" = o."eventId"
    ON CONFLICT ("organizerId", "email") DO UPDATE
       SET "givenAt" = EXCLUDED."givenAt", "source" = EXCLUDED."source", "orderId" = EXCLUDED."orderId",
           "withdrawnAt" = NULL, "userId" = EXCLUDED."userId", "updatedAt" = now()
     WHERE "MarketingConsent"."withdrawnAt" IS NULL OR "MarketingConsent"."withdrawnAt" <= o."createdAt";
  END IF;

  -- The account's name, else the name on the order (lib/orders/order-recipient.ts).
  to_name := coalesce(nullif(btrim(buyer."name"), ''), nullif(btrim(o."buyerName"), ''));
  INSERT INTO "OutboxEmail" ("id", "template", "to", "toName", "locale", "payload", "dedupeKey")
  VALUES ("new_uuid_v7"(), 'order-confirmation', buyer."email", to_name, o."locale",
          jsonb_build_object('orderId', p_order, 'buyerEmail', o."buyerEmail"), 'order-confirmation:' || p_order)
  ON CONFLICT ("dedupeKey") DO NOTHING;

  -- One welcome per account, ever: the first completed purchase of an account with no password.
  IF buyer."passwordHash" IS NULL AND p_welcome IS NOT NULL AND p_welcome ->> 'email' = buyer."email"
     AND NOT EXISTS (SELECT 1 FROM "OutboxEmail" WHERE "dedupeKey" = 'welcome:' || buyer."id") THEN
    INSERT INTO "VerificationToken" ("identifier", "token", "expires")
    VALUES (buyer."email", p_welcome ->> 'tokenHash', (p_welcome ->> 'expires')::timestamptz);
    INSERT INTO "OutboxEmail" ("id", "template", "to", "toName", "locale", "payload", "dedupeKey")
    VALUES ("new_uuid_v7"(), 'welcome', buyer."email", to_name, o."locale",
            jsonb_build_object('name', coalesce(buyer."name", o."buyerName"), 'setPasswordUrl', p_welcome ->> 'url'),
            'welcome:' || buyer."id")
    ON CONFLICT ("dedupeKey") DO NOTHING;
  END IF;
  RETURN true;
END;
$$;

-- The same, answering instead of raising: {"completed": true|false} or {"soldOut": "<type id>"}
-- (then nothing was changed).
CREATE FUNCTION "checkout_complete"(p_order uuid, p_admissions text, p_payment jsonb, p_now timestamptz, p_welcome jsonb)
RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  sold_out text;
BEGIN
  RETURN jsonb_build_object('completed', "checkout_complete_or_raise"(p_order, p_admissions, p_payment, p_now, p_welcome));
EXCEPTION WHEN SQLSTATE 'BJ001' THEN
  GET STACKED DIAGNOSTICS sold_out = PG_EXCEPTION_DETAIL;
  RETURN jsonb_build_object('soldOut', sold_out);
END;
$$;

-- The reserve step of a guest checkout. p_lines is [{"ticketTypeId", "quantity"}], merged and
-- without zero quantities. In order: a request whose key was seen before answers
-- {"outcome": "duplicate"} (the app then reports what the first one made); the event, the
-- lines, the sale windows, the per-type and per-order limits and the stock are checked and
-- priced from the database alone ({"outcome": "refused", "refusal", "ticketTypeId"}); then, all
-- or nothing, the key is claimed, the account found or made, the order and its items written
-- and the admissions held, or sold and completed when the order is free ({"outcome":
-- "reserved" | "paid", the order's id, number, currency, total and priced lines}).
--
-- Expired holds count as free stock: when a type looks sold out, its expired holds are
-- released here first (housekeeping releases the rest within a minute), so a hold whose payment
-- never finished can never make a buyer hear "sold out".
CREATE FUNCTION "checkout_reserve"(
  p_key text, p_hash text, p_key_expires timestamptz,
  p_event uuid, p_lines jsonb, p_max_tickets integer,
  p_buyer_name text, p_buyer_email text, p_account_email text, p_locale text, p_marketing boolean,
  p_card_missing boolean, p_hold_until timestamptz, p_now timestamptz, p_welcome jsonb
) RETURNS jsonb
LANGUAGE plpgsql AS $$
DECLARE
  ev record;
  tt record;
  line record;
  priced jsonb := '[]'::jsonb;
  currencies text[] := '{}';
  line_count integer;
  total_tickets integer;
  subtotal integer := 0;
  order_id uuid := "new_uuid_v7"();
  order_number text;
  user_id uuid;
  sold_out text;
BEGIN
  PERFORM 1 FROM "IdempotencyKey" WHERE "scope" = 'checkout' AND "key" = p_key;
  IF FOUND THEN
    RETURN jsonb_build_object('outcome', 'duplicate');
  END IF;

  SELECT "status", "endsAt" INTO ev FROM "Event" WHERE "id" = p_event;
  IF NOT FOUND OR ev."status" <> 'PUBLISHED' OR ev."endsAt" <= p_now THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'event_unavailable');
  END IF;
  SELECT count(*), coalesce(sum((x ->> 'quantity')::integer), 0) INTO line_count, total_tickets FROM jsonb_array_elements(p_lines) x;
  IF line_count = 0 THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'no_tickets');
  END IF;
  IF total_tickets > p_max_tickets THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'too_many');
  END IF;

  FOR line IN SELECT (x ->> 'ticketTypeId')::uuid AS type_id, (x ->> 'quantity')::integer AS quantity
                FROM jsonb_array_elements(p_lines) WITH ORDINALITY AS a(x, position) ORDER BY position LOOP
    SELECT * INTO tt FROM "TicketType" WHERE "id" = line.type_id AND "eventId" = p_event;
    IF NOT FOUND THEN
      RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'event_unavailable');
    END IF;
    IF (tt."salesStartAt" IS NOT NULL AND tt."salesStartAt" > p_now) OR coalesce(tt."salesEndAt", ev."endsAt") <= p_now THEN
      RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'not_on_sale', 'ticketTypeId', tt."id");
    END IF;
    IF line.quantity > tt."maxPerOrder" THEN
      RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'too_many', 'ticketTypeId', tt."id");
    END IF;
    IF tt."sold" + tt."held" + line.quantity > tt."capacity" THEN
      -- No lock is held yet, so releasing (order row, then its types in id order) keeps the
      -- lock order every other step uses.
      PERFORM "release_expired_holds"(p_now, 1000, tt."id");
      SELECT * INTO tt FROM "TicketType" WHERE "id" = line.type_id;
      IF tt."sold" + tt."held" + line.quantity > tt."capacity" THEN
        RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'sold_out', 'ticketTypeId', tt."id");
      END IF;
    END IF;
    currencies := array_append(currencies, tt."currency"::text);
    subtotal := subtotal + line.quantity * tt."priceMinor";
    priced := priced || jsonb_build_array(jsonb_build_object(
      'ticketTypeId', tt."id", 'quantity', line.quantity, 'unitPriceMinor', tt."priceMinor", 'name', tt."name"));
  END LOOP;
  IF (SELECT count(DISTINCT c) FROM unnest(currencies) c) <> 1 THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'event_unavailable');
  END IF;
  IF subtotal > 0 AND p_card_missing THEN
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'card_required');
  END IF;

  BEGIN
    INSERT INTO "IdempotencyKey" ("scope", "key", "requestHash", "result", "createdAt", "expiresAt")
    VALUES ('checkout', p_key, p_hash, jsonb_build_object('orderId', order_id), now(), p_key_expires)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
      -- Another request with this key got there first (and has committed).
      RETURN jsonb_build_object('outcome', 'duplicate');
    END IF;

    -- Two first purchases with the same new address race on the unique index; the loser's
    -- INSERT waits for the winner's commit and then finds its row.
    INSERT INTO "User" ("id", "email", "name", "locale", "createdAt", "updatedAt")
    VALUES ("new_uuid_v7"(), p_account_email, p_buyer_name, p_locale::"Locale", now(), now())
    ON CONFLICT ("email") DO NOTHING
    RETURNING "id" INTO user_id;
    IF user_id IS NULL THEN
      SELECT "id" INTO user_id FROM "User" WHERE "email" = p_account_email;
    END IF;

    -- Order numbers are short (40 random bits): on the rare clash, draw another.
    FOR attempt IN 1 .. 5 LOOP
      order_number := "random_crockford"(8);
      INSERT INTO "Order" ("id", "number", "eventId", "userId", "buyerName", "buyerEmail", "locale", "marketingOptIn",
                           "status", "currency", "subtotalMinor", "feeMinor", "totalMinor", "holdExpiresAt", "createdAt", "updatedAt")
      VALUES (order_id, order_number, p_event, user_id, p_buyer_name, p_buyer_email, p_locale::"Locale", p_marketing,
              'PENDING', currencies[1], subtotal, 0, subtotal, p_hold_until, now(), now())
      ON CONFLICT ("number") DO NOTHING;
      EXIT WHEN FOUND;
      IF attempt = 5 THEN
        RAISE EXCEPTION 'no free order number after % attempts', attempt;
      END IF;
    END LOOP;

    INSERT INTO "OrderItem" ("orderId", "ticketTypeId", "quantity", "unitPriceMinor")
    SELECT order_id, (x ->> 'ticketTypeId')::uuid, (x ->> 'quantity')::integer, (x ->> 'unitPriceMinor')::integer
      FROM jsonb_array_elements(priced) x;

    IF subtotal = 0 THEN
      PERFORM "checkout_complete_or_raise"(order_id, 'unclaimed', NULL, p_now, p_welcome);
    ELSE
      -- Last, so the ticket types stay locked only until this statement commits.
      FOR line IN SELECT (x ->> 'ticketTypeId')::uuid AS type_id, (x ->> 'quantity')::integer AS quantity
                    FROM jsonb_array_elements(priced) x ORDER BY 1 LOOP
        UPDATE "TicketType" SET "held" = "held" + line.quantity, "updatedAt" = now()
         WHERE "id" = line.type_id AND "sold" + "held" + line.quantity <= "capacity";
        IF NOT FOUND THEN
          RAISE EXCEPTION 'sold out' USING ERRCODE = 'BJ001', DETAIL = line.type_id::text;
        END IF;
      END LOOP;
    END IF;
  EXCEPTION WHEN SQLSTATE 'BJ001' THEN
    -- Someone bought the last ones since the check above: everything this block wrote is undone.
    GET STACKED DIAGNOSTICS sold_out = PG_EXCEPTION_DETAIL;
    RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'sold_out', 'ticketTypeId', sold_out);
  END;

  RETURN jsonb_build_object(
    'outcome', CASE WHEN subtotal = 0 THEN 'paid' ELSE 'reserved' END,
    'orderId', order_id, 'number', order_number, 'currency', currencies[1], 'totalMinor', subtotal, 'lines', priced);
END;
$$;
