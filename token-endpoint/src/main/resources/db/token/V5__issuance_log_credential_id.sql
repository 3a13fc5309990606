-- Which federated credential (trust rule) authenticated a workload's token (API.md §2: the issuance log names the
-- credential). Its last use is kept in token_secret_usage under the credential id, beside secrets' and keys'.
ALTER TABLE token_issuance_log ADD COLUMN credential_id VARCHAR(64);
