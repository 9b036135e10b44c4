-- Members who are away, old or in hardship (docs/DOMAIN.md §9): 流动党员's
-- periods away and the contact kept with them, dues paid where they live,
-- 困难党员 and the visits paid to members, the spending of the dues the
-- branch keeps or receives back, and the settings of the reminders.
-- Money is integer 分 everywhere; dates are ISO text.

-- Two more ways of taking part in a meeting: 在流入地参加 (a 流动党员 who
-- took part where they live) and 送学上门 (taken to a member who cannot
-- come). SQLite cannot widen a CHECK, so the table is rebuilt with its rows.
CREATE TABLE meeting_attendance_v7 (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    member_id  INTEGER NOT NULL REFERENCES members (id),
    status     TEXT NOT NULL CHECK (status IN ('present', 'leave', 'absent', 'elsewhere', 'taught')),
    reason     TEXT NOT NULL DEFAULT '',
    voting     INTEGER NOT NULL CHECK (voting IN (0, 1)),
    grade      TEXT CHECK (grade IN ('excellent', 'qualified', 'basically_qualified', 'unqualified')),
    PRIMARY KEY (meeting_id, member_id)
);
INSERT INTO meeting_attendance_v7 (meeting_id, member_id, status, reason, voting, grade)
    SELECT meeting_id, member_id, status, reason, voting, grade FROM meeting_attendance;
DROP TABLE meeting_attendance;
ALTER TABLE meeting_attendance_v7 RENAME TO meeting_attendance;
CREATE INDEX meeting_attendance_member ON meeting_attendance (member_id);

-- 流动党员: one row per period away. back_on NULL while still away.
CREATE TABLE mobile_periods (
    id                INTEGER PRIMARY KEY,
    member_id         INTEGER NOT NULL REFERENCES members (id),
    left_on           TEXT NOT NULL,
    back_on           TEXT,
    province          TEXT NOT NULL DEFAULT '',
    city              TEXT NOT NULL DEFAULT '',
    county            TEXT NOT NULL DEFAULT '',
    -- Where, as typed when the parts are not known separately.
    place             TEXT NOT NULL DEFAULT '',
    work              TEXT NOT NULL DEFAULT '',
    host_org          TEXT NOT NULL DEFAULT '',
    host_contact      TEXT NOT NULL DEFAULT '',
    card_number       TEXT NOT NULL DEFAULT '',
    -- The committee member responsible for keeping contact.
    contact_person    TEXT NOT NULL DEFAULT '',
    contact_member_id INTEGER REFERENCES members (id),
    relation          TEXT NOT NULL DEFAULT 'kept' CHECK (relation IN ('kept', 'should_transfer', 'transferred')),
    transfer_id       INTEGER REFERENCES transfers (id),
    notes             TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL,
    deleted_at        TEXT,
    CHECK (back_on IS NULL OR back_on >= left_on)
);
CREATE INDEX mobile_periods_member ON mobile_periods (member_id);

-- Contact with a member away: 电话/微信/上门/返乡座谈/书信.
CREATE TABLE mobile_contacts (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    contacted_on TEXT NOT NULL,
    contacted_by TEXT NOT NULL DEFAULT '',
    how          TEXT NOT NULL CHECK (how IN ('phone', 'wechat', 'visit', 'homecoming', 'letter')),
    content      TEXT NOT NULL DEFAULT '',
    suggestions  TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX mobile_contacts_member ON mobile_contacts (member_id);

-- Dues paid where the member lives (2008 党费规定 第九条): the month is
-- 在流入地缴纳, never arrears here.
CREATE TABLE dues_elsewhere (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id),
    month      TEXT NOT NULL,
    org        TEXT NOT NULL,
    paid_on    TEXT,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE UNIQUE INDEX dues_elsewhere_one ON dues_elsewhere (member_id, month) WHERE deleted_at IS NULL;

-- 困难党员台账.
CREATE TABLE care_cases (
    id           INTEGER PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES members (id),
    category     TEXT NOT NULL CHECK (category IN ('subsistence', 'illness', 'disaster', 'disabled', 'elderly_alone', 'other')),
    since        TEXT NOT NULL,
    description  TEXT NOT NULL DEFAULT '',
    reviewed_on  TEXT,
    closed_on    TEXT,
    close_reason TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
);
CREATE INDEX care_cases_member ON care_cases (member_id);

-- 走访慰问: a member (or, after a death, a named family member of theirs).
CREATE TABLE care_visits (
    id          INTEGER PRIMARY KEY,
    visited_on  TEXT NOT NULL,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    family_name TEXT NOT NULL DEFAULT '',
    occasion    TEXT NOT NULL CHECK (occasion IN ('spring', 'july1', 'hospital', 'disaster', 'death', 'routine', 'teaching')),
    visitors    TEXT NOT NULL DEFAULT '',
    amount_fen  INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    source      TEXT CHECK (source IN ('dues_returned', 'township', 'village', 'other')),
    goods       TEXT NOT NULL DEFAULT '',
    follow_up   TEXT NOT NULL DEFAULT '',
    -- 送学上门: the 主题党日 it stands for.
    meeting_id  INTEGER REFERENCES meetings (id),
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT,
    CHECK (amount_fen = 0 OR source IS NOT NULL)
);
CREATE INDEX care_visits_member ON care_visits (member_id);
CREATE INDEX care_visits_day ON care_visits (visited_on);

-- Money received back from above (上级下拨/返还党费) for the branch's use.
CREATE TABLE dues_received (
    id          INTEGER PRIMARY KEY,
    received_on TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    from_org    TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    deleted_at  TEXT
);

-- 党费使用: spending of dues kept by the branch or received back. 慰问金
-- paid from 上级下拨党费 are care_visits rows and are counted from there.
CREATE TABLE dues_spending (
    id         INTEGER PRIMARY KEY,
    spent_on   TEXT NOT NULL,
    purpose    TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen > 0),
    approval   TEXT NOT NULL DEFAULT '',
    receipt_no TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted_at TEXT
);
CREATE INDEX dues_spending_day ON dues_spending (spent_on);

-- Receipt photos and scans of a visit or a spending, in the hashed
-- attachment store shared with meetings and 发展党员.
CREATE TABLE care_attachments (
    id            INTEGER PRIMARY KEY,
    visit_id      INTEGER REFERENCES care_visits (id),
    spending_id   INTEGER REFERENCES dues_spending (id),
    sha256        TEXT NOT NULL,
    original_name TEXT NOT NULL,
    size          INTEGER NOT NULL,
    added_at      TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK ((visit_id IS NULL) <> (spending_id IS NULL))
);
CREATE INDEX care_attachments_visit ON care_attachments (visit_id);
CREATE INDEX care_attachments_spending ON care_attachments (spending_id);

-- Local practice for these reminders and lists; a missing key means the
-- default in docs/DOMAIN.md §10.
CREATE TABLE care_settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
