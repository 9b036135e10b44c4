
CREATE TABLE dues_settings (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    -- What a farmer member pays a month (20–100 分), set by the branch (local).
    farmer_fen         INTEGER NOT NULL DEFAULT 50 CHECK (farmer_fen BETWEEN 20 AND 100),
    -- Rounding of computed amounts: 1 分, 10 (角) or 100 (元).
    rounding_fen       INTEGER NOT NULL DEFAULT 1 CHECK (rounding_fen IN (1, 10, 100)),
    max_back_months    INTEGER NOT NULL DEFAULT 6,
    max_advance_months INTEGER NOT NULL DEFAULT 6
);
INSERT INTO dues_settings (id) VALUES (1);

-- 年度核定: a member's category, base and monthly amount from a month on.
CREATE TABLE dues_assessments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    from_month  TEXT NOT NULL,
    category    TEXT NOT NULL,
    base_fen    INTEGER,
    fixed_fen   INTEGER,
    monthly_fen INTEGER NOT NULL CHECK (monthly_fen >= 0),
    decision    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
CREATE INDEX dues_assessments_member ON dues_assessments (member_id, from_month);

-- A payment is never changed: a wrong one is reversed by a second entry
-- with the opposite amounts (reverses_id), and both are kept.
CREATE TABLE dues_payments (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    paid_on     TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('dues', 'extra')),
    amount_fen  INTEGER NOT NULL,
    receipt_no  TEXT NOT NULL DEFAULT '',
    collector   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    reverses_id INTEGER REFERENCES dues_payments (id),
    created_at  TEXT NOT NULL
);
CREATE UNIQUE INDEX dues_payments_one_reversal ON dues_payments (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE INDEX dues_payments_member ON dues_payments (member_id);

CREATE TABLE dues_payment_months (
    payment_id INTEGER NOT NULL REFERENCES dues_payments (id),
    month      TEXT NOT NULL,
    amount_fen INTEGER NOT NULL,
    PRIMARY KEY (payment_id, month)
);
CREATE INDEX dues_payment_months_month ON dues_payment_months (month);

-- 上缴: money handed up to the higher committee.
CREATE TABLE dues_remittances (
    id          INTEGER PRIMARY KEY,
    remitted_on TEXT NOT NULL,
    from_month  TEXT NOT NULL,
    to_month    TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    handler     TEXT NOT NULL DEFAULT '',
    voucher     TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL
);
