-- Rules the database enforces itself, whatever code writes to it.
--
-- They are trigger functions rather than CHECK constraints on purpose: Prisma's schema
-- language cannot describe a CHECK constraint, so a CHECK would make the migrations build
-- something the schema does not say (and the drift check compares constraints). Each
-- violation raises SQLSTATE 23514 (check_violation) and names its rule, as a CHECK would.

CREATE FUNCTION "refuse"(rule text, detail text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'new row violates rule "%"', rule
    USING ERRCODE = 'check_violation', CONSTRAINT = rule, DETAIL = detail;
END;
$$;

-- Users: the email is stored only in its normalised form (trimmed, NFKC, lower case), so the
-- unique index refuses two spellings of one address. Handles are lower case for the same reason.
CREATE FUNCTION "User_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."email" <> lower(normalize(btrim(NEW."email"), NFKC)) OR NEW."email" !~ '^[^@\s]+@[^@\s]+$' THEN
    PERFORM "refuse"('User_email_normalised', 'email must be a single trimmed, NFKC, lower-case address');
  END IF;
  IF NEW."handle" IS NOT NULL AND NEW."handle" !~ '^[a-z0-9_]{3,30}$' THEN
    PERFORM "refuse"('User_handle_format', 'handle must be 3 to 30 of a-z, 0-9 and _');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "User_guard" BEFORE INSERT OR UPDATE ON "User"
  FOR EACH ROW EXECUTE FUNCTION "User_guard"();

CREATE FUNCTION "Event_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."endsAt" < NEW."startsAt" THEN
    PERFORM "refuse"('Event_ends_after_start', 'an event cannot end before it starts');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Event_guard" BEFORE INSERT OR UPDATE ON "Event"
  FOR EACH ROW EXECUTE FUNCTION "Event_guard"();

-- Ticket types: the counters can never describe an oversold event. Claiming a ticket is an
-- UPDATE of sold/held; if two buyers race for the last one, the loser's UPDATE fails here
-- even if the code forgot to check.
CREATE FUNCTION "TicketType_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."capacity" < 0 THEN
    PERFORM "refuse"('TicketType_capacity_nonnegative', 'capacity cannot be negative');
  END IF;
  IF NEW."sold" < 0 OR NEW."held" < 0 THEN
    PERFORM "refuse"('TicketType_counts_nonnegative', 'sold and held cannot be negative');
  END IF;
  IF NEW."sold" + NEW."held" > NEW."capacity" THEN
    PERFORM "refuse"('TicketType_not_oversold', 'sold + held cannot exceed capacity');
  END IF;
  IF NEW."priceMinor" < 0 THEN
    PERFORM "refuse"('TicketType_price_nonnegative', 'price cannot be negative');
  END IF;
  IF NEW."currency" !~ '^[A-Z]{3}$' THEN
    PERFORM "refuse"('TicketType_currency_iso', 'currency must be an ISO 4217 code');
  END IF;
  IF NEW."maxPerOrder" < 1 THEN
    PERFORM "refuse"('TicketType_max_per_order_positive', 'at least one ticket per order');
  END IF;
  IF NEW."salesStartAt" IS NOT NULL AND NEW."salesEndAt" IS NOT NULL
     AND NEW."salesEndAt" <= NEW."salesStartAt" THEN
    PERFORM "refuse"('TicketType_sale_window', 'sales must end after they start');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "TicketType_guard" BEFORE INSERT OR UPDATE ON "TicketType"
  FOR EACH ROW EXECUTE FUNCTION "TicketType_guard"();

CREATE FUNCTION "Order_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."subtotalMinor" < 0 OR NEW."feeMinor" < 0 OR NEW."totalMinor" <> NEW."subtotalMinor" + NEW."feeMinor" THEN
    PERFORM "refuse"('Order_totals', 'amounts are non-negative and total = subtotal + fee');
  END IF;
  IF NEW."currency" !~ '^[A-Z]{3}$' THEN
    PERFORM "refuse"('Order_currency_iso', 'currency must be an ISO 4217 code');
  END IF;
  IF NEW."cardLast4" IS NOT NULL AND NEW."cardLast4" !~ '^[0-9]{4}$' THEN
    PERFORM "refuse"('Order_card_last4', 'at most the last four digits of a card are kept');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Order_guard" BEFORE INSERT OR UPDATE ON "Order"
  FOR EACH ROW EXECUTE FUNCTION "Order_guard"();

CREATE FUNCTION "OrderItem_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."quantity" < 1 OR NEW."unitPriceMinor" < 0 THEN
    PERFORM "refuse"('OrderItem_positive', 'quantity is at least 1 and price non-negative');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "OrderItem_guard" BEFORE INSERT OR UPDATE ON "OrderItem"
  FOR EACH ROW EXECUTE FUNCTION "OrderItem_guard"();

CREATE FUNCTION "Ticket_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- At least 80 bits of randomness in Crockford base32.
  IF NEW."code" !~ '^[0-9A-HJKMNP-TV-Z]{16,}$' THEN
    PERFORM "refuse"('Ticket_code_format', 'ticket codes are 16 or more base32 characters');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "Ticket_guard" BEFORE INSERT OR UPDATE ON "Ticket"
  FOR EACH ROW EXECUTE FUNCTION "Ticket_guard"();

CREATE FUNCTION "MarketingConsent_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."withdrawnAt" IS NOT NULL AND NEW."withdrawnAt" < NEW."givenAt" THEN
    PERFORM "refuse"('MarketingConsent_withdrawn_after_given', 'consent is withdrawn after it is given');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "MarketingConsent_guard" BEFORE INSERT OR UPDATE ON "MarketingConsent"
  FOR EACH ROW EXECUTE FUNCTION "MarketingConsent_guard"();

CREATE FUNCTION "OutboxEmail_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."attempts" < 0 THEN
    PERFORM "refuse"('OutboxEmail_attempts_nonnegative', 'attempts cannot be negative');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "OutboxEmail_guard" BEFORE INSERT OR UPDATE ON "OutboxEmail"
  FOR EACH ROW EXECUTE FUNCTION "OutboxEmail_guard"();

CREATE FUNCTION "RateLimitBucket_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."count" < 0 THEN
    PERFORM "refuse"('RateLimitBucket_count_nonnegative', 'count cannot be negative');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "RateLimitBucket_guard" BEFORE INSERT OR UPDATE ON "RateLimitBucket"
  FOR EACH ROW EXECUTE FUNCTION "RateLimitBucket_guard"();
