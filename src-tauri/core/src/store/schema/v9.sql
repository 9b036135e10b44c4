-- Who came to each meeting, answered from an index instead of the rows
-- (docs/PERFORMANCE.md, issue 21): how many were present and how many of
-- them had a vote, who was not present, and which meetings each member
-- took part in. A year of the largest branch holds tens of thousands of
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
