-- The workload identities a client trusts, as a JSON array of {credentialId, issuer, subject, audiences, createdAt}.
ALTER TABLE query_client ADD COLUMN federated_credentials JSONB NOT NULL DEFAULT '[]';
