-- Each member's year of study, service and points (docs/DOMAIN.md §9.5):
-- training records and where hours come from, 志愿服务 and 为民办实事,
-- and the branch's 积分 rule set kept as data, with its versions.
-- Hours are integer tenths of a 学时 (15 = 1.5 学时); points are integer
-- tenths of a point. Dates are ISO text; months are 'YYYY-MM'.

-- A meeting's own 学时, overriding the default of its kind (NULL: the
-- default from study_settings).
ALTER TABLE meetings ADD COLUMN study_tenths INTEGER CHECK (study_tenths IS NULL OR study_tenths BETWEEN 0 AND 800);

-- 培训活动: a training or group study outside the branch's meetings.
CREATE TABLE trainings (
    id             INTEGER PRIMARY KEY,
    started_on     TEXT NOT NULL,
    ended_on       TEXT,
    -- The 学时 each participant gets unless their own row says less.
    tenths         INTEGER NOT NULL CHECK (tenths > 0 AND tenths <= 8000),
    organiser      TEXT NOT NULL CHECK (organiser IN ('county', 'township', 'school', 'remote', 'other')),
    organiser_name TEXT NOT NULL DEFAULT '',
    -- 上级集中培训 or 支部集体学习.
    level          TEXT NOT NULL CHECK (level IN ('central', 'branch')),
    place          TEXT NOT NULL DEFAULT '',
    topic          TEXT NOT NULL,
    -- 证明: certificate, notice number, sign-in sheet.
    proof          TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    deleted_at     TEXT,
    CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE INDEX trainings_day ON trainings (started_on);

CREATE TABLE training_members (
    training_id INTEGER NOT NULL REFERENCES trainings (id),
    member_id   INTEGER NOT NULL REFERENCES members (id),
    -- Fewer hours for this member (left early); NULL: the training's.
    tenths      INTEGER CHECK (tenths IS NULL OR tenths >= 0),
    PRIMARY KEY (training_id, member_id)
);
CREATE INDEX training_members_member ON training_members (member_id);

-- 学时 a 流动党员 took where they live, as the host organisation certified.
CREATE TABLE study_elsewhere (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id),
    month      TEXT NOT NULL,
    tenths     INTEGER NOT NULL CHECK (tenths > 0),
    org        TEXT NOT NULL,
    what       TEXT NOT NULL DEFAULT '',
    -- An 集中培训 organised from above where they live.
    central    INTEGER NOT NULL DEFAULT 0 CHECK (central IN (0, 1)),
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX study_elsewhere_member ON study_elsewhere (member_id);

-- 网络学习 hours typed per member per month from a platform's printout
-- (off by default: study_settings 'online').
CREATE TABLE study_online (
    member_id  INTEGER NOT NULL REFERENCES members (id),
    month      TEXT NOT NULL,
    tenths     INTEGER NOT NULL CHECK (tenths >= 0),
    platform   TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (member_id, month)
);

-- Targets, the credit of each kind of meeting, the reminder's start; a
-- missing key means the default in docs/DOMAIN.md §10.
CREATE TABLE study_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- 志愿服务 and 为民办实事.
CREATE TABLE services (
    id         INTEGER PRIMARY KEY,
    served_on  TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('volunteer', 'deed')),
    what       TEXT NOT NULL,
    for_whom   TEXT NOT NULL DEFAULT '',
    households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
    people     INTEGER NOT NULL DEFAULT 0 CHECK (people >= 0),
    tenths     INTEGER NOT NULL DEFAULT 0 CHECK (tenths >= 0),
    notes      TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX services_day ON services (served_on);

CREATE TABLE service_members (
    service_id INTEGER NOT NULL REFERENCES services (id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (service_id, member_id)
);
CREATE INDEX service_members_member ON service_members (member_id);

-- Photos of a service and proof of a training, in the hashed attachment
-- store shared with the other records.
CREATE TABLE study_attachments (
    id            INTEGER PRIMARY KEY,
    training_id   INTEGER REFERENCES trainings (id),
    service_id    INTEGER REFERENCES services (id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK ((training_id IS NULL) <> (service_id IS NULL))
);
CREATE INDEX study_attachments_training ON study_attachments (training_id);
CREATE INDEX study_attachments_service ON study_attachments (service_id);

-- 积分 rule sets: every save is a new version, never changed afterwards;
-- the highest version applies. `rules` is the JSON a branch imports and
-- exports (items, caps, star bands).
CREATE TABLE points_rules (
    version  INTEGER PRIMARY KEY,
    rules    TEXT NOT NULL,
    enabled  INTEGER NOT NULL CHECK (enabled IN (0, 1)),
    saved_at TEXT NOT NULL,
    note     TEXT NOT NULL DEFAULT ''
);

-- Points entered by hand for an *entered* rule item, with reason and evidence.
CREATE TABLE points_entries (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id),
    entered_on TEXT NOT NULL,
    rule_key   TEXT NOT NULL,
    tenths     INTEGER NOT NULL,
    reason     TEXT NOT NULL,
    evidence   TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX points_entries_member ON points_entries (member_id);

-- The yearly totals as they stood under a version, written when that
-- version is replaced: which rules applied is never lost.
CREATE TABLE points_history (
    version     INTEGER NOT NULL REFERENCES points_rules (version),
    year        INTEGER NOT NULL,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    tenths      INTEGER NOT NULL,
    stars       INTEGER NOT NULL,
    computed_at TEXT NOT NULL,
    PRIMARY KEY (version, year, member_id)
);
