-- The client search (q: the lower-cased name contains the lower-cased text, ILIKE '%text%') reads an index of every
-- three-character piece of the lower-cased name, punctuation and digits included, instead of pg_trgm's trigrams
-- (docs/DECISIONS.md 141). pg_trgm drops punctuation and pads each word, so "ledger-orders" asked for eleven posting
-- lists, two of them ("  o", "er ") holding every name with a word starting in "o" or ending in "er", and matched
-- "orders-ledger" too: over a million clients its index scan alone took 25 ms. These pieces keep the hyphen
-- ("r-o" is rare), and a search asks for one piece in three (those that tile the text, and the last), since a name
-- that contains the text contains each of its pieces. The ILIKE still decides: the pieces only narrow.
-- Both functions lower-case as ILIKE does (lower() of both sides), so the index never loses a match.

CREATE FUNCTION keyledger_name_grams(name TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    lowered TEXT := lower(name);
    grams TEXT[] := '{}';
BEGIN
    FOR i IN 1 .. length(lowered) - 2 LOOP
        grams := grams || substr(lowered, i, 3);
    END LOOP;
    RETURN grams;
END $$;

-- Empty for a text shorter than three characters: then no piece narrows, and the caller must not ask the index.
CREATE FUNCTION keyledger_search_grams(text TEXT) RETURNS TEXT[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
    lowered TEXT := lower(text);
    last INTEGER := length(lowered) - 2;
    grams TEXT[] := '{}';
BEGIN
    IF last < 1 THEN
        RETURN grams;
    END IF;
    FOR i IN 1 .. last - 1 BY 3 LOOP
        grams := grams || substr(lowered, i, 3);
    END LOOP;
    RETURN grams || substr(lowered, last, 3);
END $$;

CREATE INDEX query_client_name_grams ON query_client USING GIN (keyledger_name_grams(name));
DROP INDEX query_client_name_trigrams;
