-- A client's public keys for private_key_jwt (at most two), as a JSON array of
-- {keyId, kid, kty, alg, publicJwk, expiresAt, createdAt}: public material only, read back whole with the client.
ALTER TABLE query_client ADD COLUMN keys JSONB NOT NULL DEFAULT '[]';
