-- Users of the identity provider (Keycloak) get a row at their first sign-in, so that administrators can list them
-- and grant product membership by user name; they have no local password.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;
