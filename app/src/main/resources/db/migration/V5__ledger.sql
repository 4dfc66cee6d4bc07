-- Ledger (dev.tradewind.ledger): double-entry record of every movement of money in the engine.
-- Each entry's postings sum to zero per asset: enforced here by a deferred constraint trigger and
-- by the code that writes them (the persister, one transaction per engine event batch).
-- Accounts are engine account ids (users' ids from trading_accounts, 0 = trading fees) and the
-- negative "world" accounts below, the outside the money came from or went to.

CREATE TABLE ledger_accounts (
    account_id bigint PRIMARY KEY CHECK (account_id <= 0),
    kind       text   NOT NULL CHECK (kind IN ('FEES', 'EXTERNAL')),
    name       text   NOT NULL UNIQUE
);
INSERT INTO ledger_accounts (account_id, kind, name) VALUES
    (0, 'FEES', 'trading fees'),
    (-1, 'EXTERNAL', 'world: deposits'),
    (-2, 'EXTERNAL', 'world: withdrawals'),
    (-3, 'EXTERNAL', 'world: adjustments');

CREATE TABLE ledger_entries (
    entry_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- engine command sequence and the index of the event within it: a second write of the same
    -- event (which exactly-once delivery rules out) would fail here instead of doubling money
    sequence    bigint      NOT NULL,
    event_index int         NOT NULL,
    type        text        NOT NULL CHECK (type IN ('DEPOSIT', 'WITHDRAWAL', 'ADJUSTMENT', 'TRADE')),
    reference   text        NOT NULL,
    occurred_at timestamptz NOT NULL,
    UNIQUE (sequence, event_index)
);
CREATE INDEX ledger_entries_reference ON ledger_entries (reference);

CREATE TABLE ledger_postings (
    entry_id      bigint      NOT NULL REFERENCES ledger_entries (entry_id),
    line          smallint    NOT NULL,
    account_id    bigint      NOT NULL,
    asset         text        NOT NULL REFERENCES assets (code),
    amount        numeric     NOT NULL CHECK (amount <> 0),
    -- the account's balance of the asset right after this posting
    balance_after numeric     NOT NULL,
    -- what the line is, for statements: DEPOSIT, WITHDRAWAL, ADJUSTMENT, TRADE or FEE
    kind          text        NOT NULL CHECK (kind IN ('DEPOSIT', 'WITHDRAWAL', 'ADJUSTMENT', 'TRADE', 'FEE')),
    sequence      bigint      NOT NULL,
    occurred_at   timestamptz NOT NULL,
    PRIMARY KEY (entry_id, line)
);
CREATE INDEX ledger_postings_account ON ledger_postings (account_id, entry_id DESC, line DESC);
CREATE INDEX ledger_postings_account_asset ON ledger_postings (account_id, asset, entry_id DESC, line DESC);

-- Running balance per account and asset (= sum of its postings), kept by the persister.
CREATE TABLE ledger_balances (
    account_id    bigint  NOT NULL,
    asset         text    NOT NULL REFERENCES assets (code),
    balance       numeric NOT NULL,
    last_entry_id bigint  NOT NULL,
    PRIMARY KEY (account_id, asset)
);

-- ---------------------------------------------------------------- double-entry guards
CREATE FUNCTION ledger_check_entry_balanced() RETURNS trigger
    LANGUAGE plpgsql AS
$$
DECLARE
    unbalanced record;
BEGIN
    SELECT asset, sum(amount) AS total INTO unbalanced
    FROM ledger_postings WHERE entry_id = NEW.entry_id
    GROUP BY asset HAVING sum(amount) <> 0
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'ledger entry % does not balance: its % postings sum to %',
            NEW.entry_id, unbalanced.asset, unbalanced.total
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

-- Checked at commit, once every posting of the transaction is in.
CREATE CONSTRAINT TRIGGER ledger_postings_balanced
    AFTER INSERT ON ledger_postings
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_balanced();

CREATE FUNCTION ledger_check_entry_has_postings() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF (SELECT count(*) FROM ledger_postings WHERE entry_id = NEW.entry_id) < 2 THEN
        RAISE EXCEPTION 'ledger entry % needs at least two postings', NEW.entry_id
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END;
$$;

CREATE CONSTRAINT TRIGGER ledger_entries_have_postings
    AFTER INSERT ON ledger_entries
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION ledger_check_entry_has_postings();

-- Entries and postings are facts: corrections are new entries, never edits.
CREATE FUNCTION ledger_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();
CREATE TRIGGER ledger_postings_append_only BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_reject_change();

-- ---------------------------------------------------------------- adjustments (PostgreSQL-first)
-- An admin correction or demo funding is recorded here first (PENDING, unique reference), then
-- applied to the engine idempotently by that reference, then marked APPLIED (or REJECTED with the
-- engine's code). Pending ones are re-applied at start.
CREATE TABLE ledger_adjustments (
    reference       text        PRIMARY KEY,
    kind            text        NOT NULL CHECK (kind IN ('ADMIN', 'DEMO_FUNDING')),
    user_id         uuid        NOT NULL REFERENCES users (id),
    asset           text        NOT NULL REFERENCES assets (code),
    amount          numeric     NOT NULL CHECK (amount <> 0),
    reason          text        NOT NULL,
    requested_by    uuid,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPLIED', 'REJECTED')),
    reject_code     text,
    engine_sequence bigint,
    created_at      timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz
);
CREATE INDEX ledger_adjustments_pending ON ledger_adjustments (created_at) WHERE status = 'PENDING';
