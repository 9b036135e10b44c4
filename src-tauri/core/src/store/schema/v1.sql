
CREATE TABLE branch (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    name             TEXT NOT NULL DEFAULT '',
    higher_committee TEXT NOT NULL DEFAULT '',
    secretary        TEXT NOT NULL DEFAULT '',
    term_start       TEXT
);
INSERT INTO branch (id) VALUES (1);

CREATE TABLE party_groups (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE members (
    id                  INTEGER PRIMARY KEY,
    name                TEXT NOT NULL,
    sex                 TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    ethnicity           TEXT NOT NULL DEFAULT '',
    birth_date          TEXT NOT NULL,
    id_number           TEXT NOT NULL,
    education           TEXT NOT NULL DEFAULT '',
    kind                TEXT NOT NULL CHECK (kind IN ('full', 'probationary')),
    admitted_on         TEXT,
    full_member_on      TEXT,
    group_id            INTEGER REFERENCES party_groups (id),
    committee_role      TEXT,
    job                 TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    address             TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'normal'
                        CHECK (status IN ('normal', 'suspended', 'expelled', 'deceased')),
    status_date         TEXT,
    status_reason       TEXT NOT NULL DEFAULT '',
    mobile              INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),
    mobile_destination  TEXT NOT NULL DEFAULT '',
    lost_contact        INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),
    lost_contact_reason TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT
);
-- One live record per ID number; a deleted record may share it until restored.
CREATE UNIQUE INDEX members_id_number_live ON members (id_number) WHERE deleted_at IS NULL;

CREATE TABLE member_status_changes (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    status      TEXT NOT NULL,
    date        TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    recorded_at TEXT NOT NULL
);
CREATE INDEX member_status_changes_member ON member_status_changes (member_id);

CREATE TABLE transfers (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    direction     TEXT NOT NULL CHECK (direction IN ('in', 'out')),
    date          TEXT NOT NULL,
    other_branch  TEXT NOT NULL,
    letter_number TEXT NOT NULL DEFAULT '',
    dues_paid_to  TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    recorded_at   TEXT NOT NULL
);
CREATE INDEX transfers_member ON transfers (member_id);

CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL,
    changes   TEXT NOT NULL
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);
