-- The token endpoint verifies private_key_jwt assertions with these: the client's public keys in the same JSON
-- array as query_client.keys (public material only).
ALTER TABLE query_client_auth ADD COLUMN keys JSONB NOT NULL DEFAULT '[]';
