-- Which public key authenticated a private_key_jwt request (API.md §2: the issuance log names the credential).
-- The key's last use is kept in token_secret_usage under its key id, beside the secrets' (docs/DECISIONS.md 103).
ALTER TABLE token_issuance_log ADD COLUMN key_id VARCHAR(64);
