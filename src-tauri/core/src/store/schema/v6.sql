-- 发展党员 (docs/DOMAIN.md §4): people who are not members yet, one dated
-- record per step of the 25, their 培养联系人 and 入党介绍人, the documents
-- received, the 公示 posted; the branch's local settings, the 指导性计划 and
-- the days that are not ordinary working days.

CREATE TABLE recruits (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    sex           TEXT NOT NULL CHECK (sex IN ('male', 'female')),
    birth_date    TEXT NOT NULL,
    id_number     TEXT NOT NULL,
    ethnicity     TEXT NOT NULL DEFAULT '',
    education     TEXT NOT NULL DEFAULT '',
    job           TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    league_member INTEGER NOT NULL DEFAULT 0 CHECK (league_member IN (0, 1)),
    source        TEXT NOT NULL DEFAULT 'other',
    -- An activist transferred in: the branch and the day; earlier steps keep their dates.
    came_from     TEXT NOT NULL DEFAULT '',
    came_on       TEXT,
    notes         TEXT NOT NULL DEFAULT '',
    stopped_on    TEXT,
    stop_reason   TEXT,
    stop_note     TEXT NOT NULL DEFAULT '',
    member_id     INTEGER REFERENCES members (id),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE UNIQUE INDEX recruits_id_number_live ON recruits (id_number) WHERE deleted_at IS NULL;

CREATE TABLE recruit_steps (
    id              INTEGER PRIMARY KEY,
    recruit_id      INTEGER NOT NULL REFERENCES recruits (id),
    step            INTEGER NOT NULL CHECK (step BETWEEN 1 AND 25),
    date            TEXT NOT NULL,
    actors          TEXT NOT NULL DEFAULT '',
    meeting_id      INTEGER REFERENCES meetings (id),
    doc_number      TEXT NOT NULL DEFAULT '',
    outcome         TEXT NOT NULL DEFAULT '',
    days            INTEGER,
    hours           INTEGER,
    months          INTEGER,
    group_id        INTEGER REFERENCES party_groups (id),
    note            TEXT NOT NULL DEFAULT '',
    -- A national rule not met, recorded anyway: why (kept, and in the change log).
    override_reason TEXT NOT NULL DEFAULT '',
    recorded_at     TEXT NOT NULL
);
CREATE INDEX recruit_steps_recruit ON recruit_steps (recruit_id, step);

CREATE TABLE recruit_people (
    id         INTEGER PRIMARY KEY,
    recruit_id INTEGER NOT NULL REFERENCES recruits (id),
    role       TEXT NOT NULL CHECK (role IN ('contact', 'introducer')),
    member_id  INTEGER REFERENCES members (id),
    name       TEXT NOT NULL,
    from_on    TEXT NOT NULL,
    to_on      TEXT
);
CREATE INDEX recruit_people_recruit ON recruit_people (recruit_id);

CREATE TABLE recruit_docs (
    recruit_id  INTEGER NOT NULL REFERENCES recruits (id),
    doc         TEXT NOT NULL,
    received_on TEXT NOT NULL,
    number      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (recruit_id, doc)
);

CREATE TABLE recruit_notices (
    id         INTEGER PRIMARY KEY,
    recruit_id INTEGER NOT NULL REFERENCES recruits (id),
    point      TEXT NOT NULL CHECK (point IN ('candidate', 'admit', 'full')),
    from_on    TEXT NOT NULL,
    to_on      TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);

-- Scans of the person's documents, kept like a meeting's (attachments/ under their SHA-256).
CREATE TABLE recruit_attachments (
    id            INTEGER PRIMARY KEY,
    recruit_id    INTEGER NOT NULL REFERENCES recruits (id),
    step_id       INTEGER REFERENCES recruit_steps (id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX recruit_attachments_recruit ON recruit_attachments (recruit_id);

-- Local practice the branch may change; a missing key means the rule set's default.
CREATE TABLE recruit_settings (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);

-- 指导性计划: how many the higher committee planned for a year.
CREATE TABLE recruit_plans (
    year  INTEGER PRIMARY KEY,
    count INTEGER NOT NULL CHECK (count >= 0)
);

-- Days that are not what the weekday says: 'holiday' (a weekday off) or 'workday' (a weekend worked).
CREATE TABLE calendar_days (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);

-- The State Council's holiday arrangements as published (国务院办公厅关于
-- 2025年、2026年部分节假日安排的通知); a later year is added in 设置 → 节假日.
INSERT INTO calendar_days (date, kind, name) VALUES
    ('2025-01-01', 'holiday', '元旦'),
    ('2025-01-26', 'workday', '春节调休上班'),
    ('2025-01-28', 'holiday', '春节'), ('2025-01-29', 'holiday', '春节'), ('2025-01-30', 'holiday', '春节'),
    ('2025-01-31', 'holiday', '春节'), ('2025-02-03', 'holiday', '春节'), ('2025-02-04', 'holiday', '春节'),
    ('2025-02-08', 'workday', '春节调休上班'),
    ('2025-04-04', 'holiday', '清明节'),
    ('2025-04-27', 'workday', '劳动节调休上班'),
    ('2025-05-01', 'holiday', '劳动节'), ('2025-05-02', 'holiday', '劳动节'), ('2025-05-05', 'holiday', '劳动节'),
    ('2025-06-02', 'holiday', '端午节'),
    ('2025-09-28', 'workday', '国庆节调休上班'),
    ('2025-10-01', 'holiday', '国庆节、中秋节'), ('2025-10-02', 'holiday', '国庆节、中秋节'),
    ('2025-10-03', 'holiday', '国庆节、中秋节'), ('2025-10-06', 'holiday', '国庆节、中秋节'),
    ('2025-10-07', 'holiday', '国庆节、中秋节'), ('2025-10-08', 'holiday', '国庆节、中秋节'),
    ('2025-10-11', 'workday', '国庆节调休上班'),
    ('2026-01-01', 'holiday', '元旦'), ('2026-01-02', 'holiday', '元旦'),
    ('2026-01-04', 'workday', '元旦调休上班'),
    ('2026-02-14', 'workday', '春节调休上班'),
    ('2026-02-16', 'holiday', '春节'), ('2026-02-17', 'holiday', '春节'), ('2026-02-18', 'holiday', '春节'),
    ('2026-02-19', 'holiday', '春节'), ('2026-02-20', 'holiday', '春节'), ('2026-02-23', 'holiday', '春节'),
    ('2026-02-28', 'workday', '春节调休上班'),
    ('2026-04-06', 'holiday', '清明节'),
    ('2026-05-01', 'holiday', '劳动节'), ('2026-05-04', 'holiday', '劳动节'), ('2026-05-05', 'holiday', '劳动节'),
    ('2026-05-09', 'workday', '劳动节调休上班'),
    ('2026-06-19', 'holiday', '端午节'),
    ('2026-09-20', 'workday', '国庆节调休上班'),
    ('2026-09-25', 'holiday', '中秋节'),
    ('2026-10-01', 'holiday', '国庆节'), ('2026-10-02', 'holiday', '国庆节'), ('2026-10-05', 'holiday', '国庆节'),
    ('2026-10-06', 'holiday', '国庆节'), ('2026-10-07', 'holiday', '国庆节'),
    ('2026-10-10', 'workday', '国庆节调休上班');
