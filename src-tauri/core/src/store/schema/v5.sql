
CREATE TABLE members_v5 (
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
                        CHECK (status IN ('normal', 'watch', 'suspended', 'expelled', 'deceased', 'cancelled')),
    status_date         TEXT,
    status_reason       TEXT NOT NULL DEFAULT '',
    mobile              INTEGER NOT NULL DEFAULT 0 CHECK (mobile IN (0, 1)),
    mobile_destination  TEXT NOT NULL DEFAULT '',
    lost_contact        INTEGER NOT NULL DEFAULT 0 CHECK (lost_contact IN (0, 1)),
    lost_contact_reason TEXT,
    notes               TEXT NOT NULL DEFAULT '',
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    deleted_at          TEXT,
    -- Why 转正 is not the day the probation ended (docs/DOMAIN.md §8).
    full_member_reason  TEXT NOT NULL DEFAULT '',
    -- 延长预备期, at most once: months (6–12), the 支部大会 day, the higher committee's reply.
    probation_extension_months INTEGER CHECK (probation_extension_months BETWEEN 6 AND 12),
    probation_extension_on     TEXT,
    probation_extension_reply  TEXT NOT NULL DEFAULT '',
    -- Since when the member cannot be reached (for 停止党籍 after 6 months).
    lost_contact_since  TEXT
);
INSERT INTO members_v5 (id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
    full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason, mobile,
    mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at, deleted_at)
SELECT id, name, sex, ethnicity, birth_date, id_number, education, kind, admitted_on,
    full_member_on, group_id, committee_role, job, phone, address, status, status_date, status_reason, mobile,
    mobile_destination, lost_contact, lost_contact_reason, notes, created_at, updated_at, deleted_at
FROM members;
DROP TABLE members;
ALTER TABLE members_v5 RENAME TO members;
CREATE UNIQUE INDEX members_id_number_live ON members (id_number) WHERE deleted_at IS NULL;

-- 所属年度 of a 组织生活会 or 民主评议 (held in January, it belongs to the year before).
ALTER TABLE meetings ADD COLUMN for_year INTEGER;
UPDATE meetings SET for_year = CAST(substr(date, 1, 4) AS INTEGER) - (CAST(substr(date, 6, 2) AS INTEGER) <= 3)
    WHERE kind IN ('life_meeting', 'review');

-- Votes on admitting or on 转正: the candidate, and the written opinions of absent voters.
ALTER TABLE meeting_resolutions ADD COLUMN candidate TEXT NOT NULL DEFAULT '';
ALTER TABLE meeting_resolutions ADD COLUMN written_for INTEGER;
ALTER TABLE meeting_resolutions ADD COLUMN written_against INTEGER;
ALTER TABLE meeting_resolutions ADD COLUMN written_abstain INTEGER;

-- 建账日期: the day the branch's records in the app start.
ALTER TABLE branch ADD COLUMN records_from TEXT;

-- A member's moves between 党小组, so a 党小组会 entered later knows who was
-- in the group that day. `date` is the day the move was recorded.
CREATE TABLE member_group_changes (
    id            INTEGER PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES members (id),
    from_group_id INTEGER REFERENCES party_groups (id),
    to_group_id   INTEGER REFERENCES party_groups (id),
    date          TEXT NOT NULL,
    recorded_at   TEXT NOT NULL
);
CREATE INDEX member_group_changes_member ON member_group_changes (member_id);
