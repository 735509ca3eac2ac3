-- Personal access tokens live at most a year (365 days, as lib/access-tokens/schemas.ts counts).
-- Tokens made with the former "never" lifetime get an expiry a year after they were made; one
-- made more than a year ago is expired at once, which is what the rule means.
UPDATE "PersonalAccessToken"
   SET "expiresAt" = "createdAt" + interval '365 days'
 WHERE "expiresAt" IS NULL OR "expiresAt" > "createdAt" + interval '365 days';

-- AlterTable
ALTER TABLE "PersonalAccessToken" ALTER COLUMN "expiresAt" SET NOT NULL;

-- The database refuses a longer lifetime whatever code writes (a trigger, for the reason given in
-- 20261125170100_integrity_guards: Prisma's schema cannot describe a CHECK constraint).
CREATE FUNCTION "PersonalAccessToken_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."expiresAt" > NEW."createdAt" + interval '365 days' THEN
    PERFORM "refuse"('PersonalAccessToken_max_lifetime', 'an access token expires at most 365 days after it was made');
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "PersonalAccessToken_guard" BEFORE INSERT OR UPDATE ON "PersonalAccessToken"
  FOR EACH ROW EXECUTE FUNCTION "PersonalAccessToken_guard"();
