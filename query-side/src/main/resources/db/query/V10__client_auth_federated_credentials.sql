-- The token endpoint authenticates federated tokens with these: the client's trust rules in the same JSON array as
-- query_client.federated_credentials. Rows written before this column existed take their client's rules now.
ALTER TABLE query_client_auth ADD COLUMN federated_credentials JSONB NOT NULL DEFAULT '[]';
UPDATE query_client_auth AS auth SET federated_credentials = client.federated_credentials,
                                     revision = nextval('query_client_auth_revision')
  FROM query_client AS client
 WHERE client.client_id = auth.client_id AND client.federated_credentials <> '[]';
