-- Expired holds are released in one pass per statement with the ticket types taken in id
-- order, as every other step takes them. The first version failed expired orders one after
-- another inside one statement, so a batch could lock type C (first order) before type B
-- (second order) while a checkout held B and waited for C: a deadlock. Now the orders are
-- locked first, their admissions summed per type, and the types updated in id order.
-- checkout_reserve releases once, for all its short types together, for the same reason.

DROP FUNCTION "release_expired_holds"(timestamptz, integer, uuid);

-- Releases up to p_limit pending orders whose hold ended before p_now (only those holding one
-- of p_ticket_types when given). Orders another transaction has locked are skipped: that one
-- is completing or failing them already.
CREATE FUNCTION "release_expired_holds"(p_now timestamptz, p_limit integer, p_ticket_types uuid[] DEFAULT NULL) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  expired uuid[];
  line record;
BEGIN
  SELECT array_agg("id") INTO expired FROM (
    SELECT o."id" FROM "Order" o
     WHERE o."status" = 'PENDING' AND o."holdExpiresAt" < p_now
       AND (p_ticket_types IS NULL
            OR EXISTS (SELECT 1 FROM "OrderItem" i WHERE i."orderId" = o."id" AND i."ticketTypeId" = ANY(p_ticket_types)))
     ORDER BY o."holdExpiresAt"
     LIMIT p_limit
     FOR UPDATE SKIP LOCKED) AS locked;
  IF expired IS NULL THEN
    RETURN 0;
  END IF;
  FOR line IN SELECT "ticketTypeId", sum("quantity")::integer AS quantity FROM "OrderItem"
               WHERE "orderId" = ANY(expired) GROUP BY "ticketTypeId" ORDER BY "ticketTypeId" LOOP
    UPDATE "TicketType" SET "held" = "held" - line.quantity, "updatedAt" = now()
     WHERE "id" = line."ticketTypeId" AND "held" >= line.quantity;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'ticket type % holds fewer than % admissions', line."ticketTypeId", line.quantity;
    END IF;
  END LOOP;
  UPDATE "Order" SET "status" = 'FAILED', "failureReason" = 'hold_expired', "holdExpiresAt" = NULL, "updatedAt" = now()
   WHERE "id" = ANY(expired);
  RETURN cardinality(expired);
END;
$$;

-- The reserve step as before (see the checkout_functions migration), with one release of
-- expired holds for all the short ticket types before the stock is checked.
CREATE OR REPLACE FUNCTION "checkout_reserve"(
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
  short uuid[] := '{}';
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

  -- The checks in the order of the lines; stock last, after a release of expired holds.
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
      short := array_append(short, tt."id");
    END IF;
  END LOOP;
  IF cardinality(short) > 0 THEN
    -- Expired holds are free stock: release those of the short types now. No ticket type is
    -- locked by this statement yet, and the release takes them in id order.
    PERFORM "release_expired_holds"(p_now, 1000, short);
  END IF;

  FOR line IN SELECT (x ->> 'ticketTypeId')::uuid AS type_id, (x ->> 'quantity')::integer AS quantity
                FROM jsonb_array_elements(p_lines) WITH ORDINALITY AS a(x, position) ORDER BY position LOOP
    SELECT * INTO tt FROM "TicketType" WHERE "id" = line.type_id;
    IF tt."sold" + tt."held" + line.quantity > tt."capacity" THEN
      RETURN jsonb_build_object('outcome', 'refused', 'refusal', 'sold_out', 'ticketTypeId', tt."id");
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
