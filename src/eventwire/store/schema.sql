-- eventwire store schema, version db.SCHEMA_VERSION. Every statement is idempotent (IF NOT EXISTS) so opening
-- an existing database is safe. Character offsets are named *_char because `end` is reserved.

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS articles (
    id          VARCHAR PRIMARY KEY,  -- sha256 of the clean text
    url         VARCHAR,
    title       VARCHAR,
    author      VARCHAR,
    published   DATE,                 -- only when the page or the caller states it
    language    VARCHAR,
    text        VARCHAR NOT NULL,
    removed     VARCHAR[],
    source      VARCHAR,
    ingested_at TIMESTAMP NOT NULL,
    dateline    VARCHAR               -- wire dateline cut from the body ("BRUSSELS, Feb 24 (Reuters)")
);

CREATE TABLE IF NOT EXISTS actors (
    article_id  VARCHAR NOT NULL,
    id          VARCHAR NOT NULL,     -- local id within the article: a1, a2, ...
    idx         INTEGER NOT NULL,     -- order in the document
    name        VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    country     VARCHAR,
    affiliation VARCHAR,
    role        VARCHAR,
    code        VARCHAR,
    sector      VARCHAR,
    country_basis VARCHAR,            -- text, dictionary or story: how country is known
    PRIMARY KEY (article_id, id)
);

-- mentions of actors (kind = 'actor') and of places (kind = 'place')
CREATE TABLE IF NOT EXISTS mentions (
    article_id  VARCHAR NOT NULL,
    kind        VARCHAR NOT NULL,
    owner_id    VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    text        VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    PRIMARY KEY (article_id, kind, owner_id, idx)
);

CREATE TABLE IF NOT EXISTS quotes (
    article_id  VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    speaker     VARCHAR,
    text        VARCHAR NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    direct      BOOLEAN NOT NULL,
    partial     BOOLEAN NOT NULL,
    PRIMARY KEY (article_id, idx)
);

-- one row per real-world event, de-duplicated across articles by event_key (see db.event_key);
-- attributes are those of the first report, confidence the highest any report gave
CREATE TABLE IF NOT EXISTS events (
    event_key        VARCHAR PRIMARY KEY,
    type             VARCHAR NOT NULL,
    mode             VARCHAR,
    contexts         VARCHAR[],
    cameo            VARCHAR,
    date             VARCHAR,         -- YYYY | YYYY-MM | YYYY-MM-DD as the text supports it
    date_start       DATE,            -- first day of that period (or of the fallback date)
    date_source      VARCHAR,         -- text | dateline | published (undated: article's date)
    source_names     VARCHAR[],
    target_names     VARCHAR[],
    source_codes     VARCHAR[],
    target_codes     VARCHAR[],
    location_name    VARCHAR,
    location_country VARCHAR,
    location_lat     DOUBLE,
    location_lon     DOUBLE,
    historical       BOOLEAN NOT NULL,
    negated          BOOLEAN NOT NULL,
    hypothetical     BOOLEAN NOT NULL,
    future           BOOLEAN NOT NULL,
    confidence       DOUBLE NOT NULL,
    rule             VARCHAR
);

CREATE SEQUENCE IF NOT EXISTS report_seq;

-- what each article said about an event, exactly as coded there (article() reads these back)
CREATE TABLE IF NOT EXISTS event_reports (
    seq           BIGINT NOT NULL DEFAULT nextval('report_seq'),  -- ingestion order
    event_key     VARCHAR NOT NULL,
    article_id    VARCHAR NOT NULL,
    event_id      VARCHAR NOT NULL,   -- local id within the article: e1, e2, ...
    idx           INTEGER NOT NULL,
    type          VARCHAR NOT NULL,
    mode          VARCHAR,
    contexts      VARCHAR[],
    cameo         VARCHAR,
    date          VARCHAR,
    date_text     VARCHAR,
    date_source   VARCHAR,
    location      VARCHAR,            -- local place id
    historical    BOOLEAN NOT NULL,
    negated       BOOLEAN NOT NULL,
    hypothetical  BOOLEAN NOT NULL,
    future        BOOLEAN NOT NULL,
    confidence    DOUBLE NOT NULL,
    rule          VARCHAR,
    sentence      VARCHAR NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    trigger       VARCHAR,
    trigger_start INTEGER,
    trigger_end   INTEGER,
    source_ids    VARCHAR[],
    target_ids    VARCHAR[],
    mentions      VARCHAR NOT NULL DEFAULT '[]',  -- JSON: further evidence spans in the article
    why           VARCHAR NOT NULL DEFAULT '{}',  -- JSON: how each coding decision was made
    PRIMARY KEY (article_id, event_id)
);

CREATE TABLE IF NOT EXISTS places (
    article_id  VARCHAR NOT NULL,
    id          VARCHAR NOT NULL,
    idx         INTEGER NOT NULL,
    name        VARCHAR NOT NULL,
    country     VARCHAR,
    geonameid   BIGINT,
    lat         DOUBLE,
    lon         DOUBLE,
    kind        VARCHAR NOT NULL,
    PRIMARY KEY (article_id, id)
);

CREATE TABLE IF NOT EXISTS facts (
    article_id    VARCHAR NOT NULL,
    idx           INTEGER NOT NULL,
    subject       VARCHAR,
    subject_text  VARCHAR,
    quantity      DOUBLE NOT NULL,
    unit          VARCHAR NOT NULL,
    approx        BOOLEAN NOT NULL,
    sentence      VARCHAR NOT NULL,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    trigger       VARCHAR,
    trigger_start INTEGER,
    trigger_end   INTEGER,
    PRIMARY KEY (article_id, idx)
);

CREATE INDEX IF NOT EXISTS event_reports_key ON event_reports (event_key);
