-- Who came to each meeting, answered from an index instead of the rows
-- (docs/PERFORMANCE.md, issue 21): who was present and who was not, and
-- which meetings each member took part in (how many were present is kept
-- in the meeting's row, below). A year of the largest branch holds tens of thousands of
-- attendance rows; reading each one's status from the table cost more
-- than everything else the 台账 and the meeting list do with them.
CREATE INDEX meeting_attendance_status ON meeting_attendance (meeting_id, status, voting, member_id);

-- Payments by day: 今日提醒 wants each member's last payment, and reads the
-- past year by day (a fifth of five years' payments) before looking
-- further back only for members who paid nothing in it.
CREATE INDEX dues_payments_day ON dues_payments (paid_on, member_id, amount_fen);

-- Months paid by month, with what was paid: 今日提醒 and 欠缴 read two years
-- of every member's paid months, and the index on the month alone sent
-- each of them to the table for its amount (half the time of that read).
DROP INDEX dues_payment_months_month;
CREATE INDEX dues_payment_months_paid ON dues_payment_months (month, payment_id, amount_fen);

-- How many were present at each meeting, and how many of them had a vote,
-- kept in the meeting's row by the database itself whenever an attendance
-- row is written, changed or removed (the triggers below): the 台账's
-- 三会一课 sheet and the meeting list judge quorum from these numbers and
-- read only those who were not present. Counting the present seats of a
-- heavy year through the index above stepped over 68,000 entries, the
-- largest part of that sheet (docs/PERFORMANCE.md). A migration that
-- rebuilds `meeting_attendance` drops these triggers with it and must
-- create them again.
ALTER TABLE meetings ADD COLUMN present_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE meetings ADD COLUMN present_voting INTEGER NOT NULL DEFAULT 0;
UPDATE meetings SET
    present_count = (SELECT count(*) FROM meeting_attendance a WHERE a.meeting_id = meetings.id AND a.status = 'present'),
    present_voting = (SELECT count(*) FROM meeting_attendance a
                      WHERE a.meeting_id = meetings.id AND a.status = 'present' AND a.voting = 1);

CREATE TRIGGER meeting_attendance_present_added AFTER INSERT ON meeting_attendance
WHEN NEW.status = 'present'
BEGIN
    UPDATE meetings SET present_count = present_count + 1, present_voting = present_voting + NEW.voting
    WHERE id = NEW.meeting_id;
END;

CREATE TRIGGER meeting_attendance_present_removed AFTER DELETE ON meeting_attendance
WHEN OLD.status = 'present'
BEGIN
    UPDATE meetings SET present_count = present_count - 1, present_voting = present_voting - OLD.voting
    WHERE id = OLD.meeting_id;
END;

CREATE TRIGGER meeting_attendance_present_changed AFTER UPDATE OF meeting_id, status, voting ON meeting_attendance
WHEN OLD.status = 'present' OR NEW.status = 'present'
BEGIN
    UPDATE meetings SET present_count = present_count - 1, present_voting = present_voting - OLD.voting
    WHERE id = OLD.meeting_id AND OLD.status = 'present';
    UPDATE meetings SET present_count = present_count + 1, present_voting = present_voting + NEW.voting
    WHERE id = NEW.meeting_id AND NEW.status = 'present';
END;
