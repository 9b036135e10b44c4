
CREATE TABLE meetings (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('assembly', 'committee', 'group_meeting', 'lecture',
                    'theme_day', 'life_meeting', 'review', 'talk', 'other')),
    date        TEXT NOT NULL,
    start_time  TEXT NOT NULL DEFAULT '',
    place       TEXT NOT NULL DEFAULT '',
    topic       TEXT NOT NULL,
    host_id     INTEGER REFERENCES members (id),
    recorder_id INTEGER REFERENCES members (id),
    group_id    INTEGER REFERENCES party_groups (id),
    observers   TEXT NOT NULL DEFAULT '',
    minutes     TEXT NOT NULL DEFAULT '',
    -- JSON array of {text, prescribed}: the agenda, "x+X" for 主题党日.
    agenda      TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT
);
CREATE INDEX meetings_date ON meetings (date);

CREATE TABLE meeting_attendance (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    status     TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent')),
    reason     TEXT NOT NULL DEFAULT '',
    -- A full member on the meeting's day: had a vote then.
    voting     INTEGER NOT NULL CHECK (voting IN (0, 1)),
    -- 民主评议 only: the grade the branch gave.
    grade      TEXT CHECK (grade IN ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
    PRIMARY KEY (meeting_id, member_id)
);
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

CREATE TABLE meeting_resolutions (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    vote          INTEGER NOT NULL CHECK (vote IN (0, 1)),
    election      INTEGER NOT NULL CHECK (election IN (0, 1)),
    votes_for     INTEGER,
    votes_against INTEGER,
    votes_abstain INTEGER
);
CREATE INDEX meeting_resolutions_meeting ON meeting_resolutions (meeting_id);

CREATE TABLE meeting_frequencies (
    kind      TEXT PRIMARY KEY,
    frequency TEXT NOT NULL CHECK (frequency IN ('monthly', 'quarterly', 'yearly', 'none'))
);
INSERT INTO meeting_frequencies (kind, frequency) VALUES
    ('assembly', 'quarterly'), ('committee', 'monthly'), ('group_meeting', 'monthly'),
    ('lecture', 'quarterly'), ('theme_day', 'monthly'), ('life_meeting', 'yearly'),
    ('review', 'yearly'), ('talk', 'none'), ('other', 'none');

-- Photos and scans of a meeting, kept in the data folder under their SHA-256.
CREATE TABLE meeting_attachments (
    id            INTEGER PRIMARY KEY,
    meeting_id    INTEGER NOT NULL REFERENCES meetings (id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT
);
CREATE INDEX meeting_attachments_meeting ON meeting_attachments (meeting_id);

-- The fixed day of the 主题党日 as the branch says it (often a lunar day): local practice.
ALTER TABLE branch ADD COLUMN theme_day TEXT NOT NULL DEFAULT '';
