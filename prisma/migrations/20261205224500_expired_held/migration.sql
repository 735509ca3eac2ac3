-- What the pending orders whose hold ended before p_now hold of one ticket type: stock that is
-- free although the type's "held" counter still includes it (housekeeping releases it within a
-- minute; checkout_reserve releases it at once when it would make a buyer hear "sold out").
-- One rule for every page that shows what is left. Reached from the index on
-- "Order"("status", "holdExpiresAt"): expired pending orders are few, swept every minute.
CREATE FUNCTION "expired_held"(p_ticket_type uuid, p_now timestamptz) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(i."quantity"), 0)::integer
    FROM "Order" o
    JOIN "OrderItem" i ON i."orderId" = o."id" AND i."ticketTypeId" = p_ticket_type
   WHERE o."status" = 'PENDING' AND o."holdExpiresAt" < p_now;
$$;
